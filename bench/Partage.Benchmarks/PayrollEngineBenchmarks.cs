using BenchmarkDotNet.Attributes;
using Partage.Payroll;

namespace Partage.Benchmarks;

/// <summary>
/// The payroll engine alone (docs/performance.md): one payslip with the period's parameters
/// resolved beforehand, and a batch of 100,000 mixed payslips (régime général, technicians,
/// artists, from 0.5 to 12 SMIC) on one core. Every payslip is exact (lines rounded to the cent).
/// </summary>
[MemoryDiagnoser]
public class PayrollEngineBenchmarks
{
    private const int BatchSize = 100_000;
    private PayrollRates rates = null!;
    private PayslipInput single = null!;
    private PayslipInput[] batch = [];

    [GlobalSetup]
    public void Setup()
    {
        rates = ParameterCatalog.Default.Resolve(new DateOnly(2026, 11, 1));
        single = PayrollJson.Check(new PayrollRequest("2026-11", new EmployerInput(20, 0.01m, 0.032m, false, false, null), new EmployeeInput("regime_general", false, null),
            new ContractInput("CDD", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), new WorkInput(151.67m, null, null), 2500m));
        var random = new Random(42);
        batch = new PayslipInput[BatchSize];
        for (var n = 0; n < BatchSize; n++)
        {
            var kind = (EmployeeKind)(n % 3);
            var day = 1 + random.Next(28);
            var gross = Math.Round(1867m * (decimal)(0.5 + (random.NextDouble() * 11.5)), 2, MidpointRounding.AwayFromZero);
            batch[n] = kind == EmployeeKind.RegimeGeneral
                ? single with { Gross = gross, Cadre = random.Next(2) == 0, Headcount = random.Next(2) == 0 ? 20 : 300 }
                : single with
                {
                    Kind = kind, ContractType = ContractType.Cddu, Start = new DateOnly(2026, 11, day), End = new DateOnly(2026, 11, day), Days = 1,
                    Hours = kind == EmployeeKind.IntermittentTechnician ? 8 : null, Cachets = kind == EmployeeKind.IntermittentArtist ? 1 : null,
                    Gross = Math.Round(gross / 10, 2, MidpointRounding.AwayFromZero), CongesSpectacles = true, Dfs = random.Next(3) == 0 ? "musician" : null,
                };
        }
    }

    [Benchmark]
    public PayrollResult OnePayslip() => PayslipEngine.Compute(single, rates);

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public decimal BatchOf100000()
    {
        var total = 0m;
        foreach (var input in batch)
        {
            total += PayslipEngine.Compute(input, rates).EmployerCost;
        }

        return total;
    }
}
