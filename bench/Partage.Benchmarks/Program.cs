using BenchmarkDotNet.Running;
using Partage.Benchmarks;

if (args.Length > 0 && args[0] == "ledger")
{
    return await LedgerLoad.RunAsync(args[1], args.Length > 2 ? long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5_000_000);
}

if (args.Length > 0 && args[0] == "invoicing")
{
    return await InvoicingLoad.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2_000);
}

if (args.Length > 0 && args[0] == "payroll")
{
    return await PayrollLoad.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
}

if (args.Length > 0 && args[0] == "report")
{
    return await ReportLoad.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
        args.Length > 3 ? long.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5_000_000,
        args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
}

if (args.Length > 0 && args[0] == "report-measure")
{
    return await ReportLoad.MeasureOnlyAsync(args[1]);
}

if (args.Length > 0 && args[0] == "ledger-post")
{
    return await LedgerLoad.PostOnlyAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
}

BenchmarkSwitcher.FromAssembly(typeof(MemberListBenchmarks).Assembly).Run(args);
return 0;
