using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Partage.App.Demo;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;
using Activity = Partage.App.Modules.Activities.Activity;

namespace Partage.Benchmarks;

/// <summary>
/// The payroll run's load script (issue 5), on PostgreSQL: N countersigned contracts (artists,
/// technicians, régime général) that ended on the same day, then the timed run: every payslip
/// computed, stored and validated (payroll entry and commitment release posted), the pay-day
/// batch built and released (payment posted), and its pain.001 file written.
/// Usage: dotnet run -c Release -- payroll "Host=…;Username=postgres;Database=postgres" [contracts]
/// </summary>
public static class PayrollLoad
{
    private const string Database = "partage_payroll_load";

    public static async Task<int> RunAsync(string adminConnection, int contracts)
    {
        var (app, _) = await LoadDatabase.FreshAsync(adminConnection, Database);
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var end = start.AddDays(1);
        var payDay = end.AddDays(7);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await services.GetRequiredService<DemoSeeder>().SeedAsync(2_000, 3, withBooks: false);
            foreach (var code in new[] { "SCIC", "LNA", "GE" })
            {
                await services.GetRequiredService<OpenFiscalYear>().HandleAsync(new OpenFiscalYearInput(code, $"{today.Year}-01-01", $"{today.Year}-12-31"), Actor.System);
            }

            await services.GetRequiredService<PayrollParameters>().AddAsync(
                new NewSettingInput(PayrollParameters.AutoValidationCode, $"{start.Year}-01-01", "1000000", "Règle de charge : tout est validé au calcul"), Actor.System);
            var db = services.GetRequiredService<PartageDbContext>();
            var paid = (await db.Set<Member>().AsNoTracking().Where(m => m.Iban != null && m.Nir != null).Select(m => m.Id).ToListAsync()).ToHashSet();
            var activities = (await db.Set<Activity>().AsNoTracking().Where(a => a.LegalEntityId == LegalEntitiesReferenceData.Lna).ToListAsync()).Where(a => paid.Contains(a.MemberId)).ToList();
            var catalog = ParameterCatalog.Default;
            var jobs = services.GetRequiredService<JobPayrollRequests>();
            var sw = Stopwatch.StartNew();
            for (var n = 0; n < contracts; n++)
            {
                var activity = activities[n % activities.Count];
                var kind = (EmployeeKind)(n % 3);
                var (hours, cachets) = kind == EmployeeKind.IntermittentArtist ? ((decimal?)null, (int?)2) : (16m, null);
                var gross = 300m + (n % 700);
                var estimate = PayslipEngine.Compute(jobs.For(catalog, kind, false, start, end, Rounding.ToCents(gross), ContractMonths.Split(start, end, hours, cachets, Rounding.ToCents(gross)).Single(), null), catalog);
                db.Add(new Job
                {
                    Id = TypedId.New<JobId>(), Number = $"CT-LNA-{start.Year}-{n + 1:D6}", ActivityId = activity.Id, MemberId = activity.MemberId, OfficeId = activity.OfficeId,
                    LegalEntityId = LegalEntitiesReferenceData.Lna, Kind = kind, TradeCode = "technician", Description = "Charge", Place = "Lille", Start = start, End = end,
                    Hours = hours, Cachets = cachets, GrossCents = Rounding.ToCents(gross), EmployerCostCents = Rounding.ToCents(estimate.EmployerCost),
                    NetCents = Rounding.ToCents(estimate.NetBeforeTax), UsageReason = "Charge", Status = JobStatus.Countersigned, CountersignedAt = DateTime.UnixEpoch,
                    DpaeRecordedAt = DateTime.UnixEpoch, CommitmentEntryId = new EntryId(Guid.CreateVersion7()), CreatedAt = DateTime.UnixEpoch, CreatedBy = "charge",
                });
                if (n % 2_000 == 1_999)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }

            await db.SaveChangesAsync();
            Console.WriteLine($"setup: {contracts:N0} countersigned contracts in {sw.Elapsed.TotalSeconds:0.0} s (not timed below)");
        }

        var total = Stopwatch.StartNew();
        PayrollRun computed, batched;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            computed = await scope.ServiceProvider.GetRequiredService<RunPayroll>().HandleAsync(end.AddDays(1), Actor.System);
        }

        var computeTime = total.Elapsed;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            batched = await scope.ServiceProvider.GetRequiredService<RunPayroll>().HandleAsync(payDay, Actor.System);
        }

        var batchTime = total.Elapsed - computeTime;
        string file;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var batch = (await scope.ServiceProvider.GetRequiredService<ListWageBatches>().HandleAsync(new Partage.App.Infrastructure.PageRequest(1, 10), Actor.System)).Items.Single();
            // A batch of this size needs a second person of the payroll service (four eyes) before its release.
            var roles = new HashSet<string> { Partage.App.Security.Roles.Payroll };
            await scope.ServiceProvider.GetRequiredService<ApproveWageBatch>().HandleAsync(batch.Id, new Actor(Guid.NewGuid(), "paie-1", roles, null, null));
            await scope.ServiceProvider.GetRequiredService<ReleaseWageBatch>().HandleAsync(batch.Id, new Actor(Guid.NewGuid(), "paie-2", roles, null, null));
            var (name, content) = await scope.ServiceProvider.GetRequiredService<GetWageBatchSepaFile>().HandleAsync(batch.Id, Actor.System);
            file = Path.Combine(Path.GetTempPath(), name);
            await File.WriteAllBytesAsync(file, content);
        }

        Console.WriteLine($"payroll run of {contracts:N0} contracts: {total.Elapsed.TotalSeconds:0.0} s — payslips computed, stored and validated (entries posted) {computeTime.TotalSeconds:0.0} s " +
            $"({computed.Computed:N0} computed, {computed.AutoValidated:N0} validated); batch {batchTime.TotalSeconds:0.0} s ({batched.Payments:N0} wages, {batched.Total.ToDisplayString()}); " +
            $"release and SEPA file {(total.Elapsed - computeTime - batchTime).TotalSeconds:0.0} s → {file}");
        return computed.Computed == contracts && batched.Payments == contracts ? 0 : 1;
    }
}
