using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Partage.App.Demo;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Reporting.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.Benchmarks;

/// <summary>
/// The annual report's load script (issue 22), on PostgreSQL: ten years of data — members joining from 2017 to 2026, one
/// million invoices, half a million contracts and their payslips, five million postings — then the whole report of 2026
/// (every table, N − 1 and N) timed, for the group and for an office, its PDF, and an office's dashboard; beside them, in
/// the same run, the database's own aggregate of the same invoicing and members (the floor no code can go under).
/// Usage: dotnet run -c Release -- report "Host=…;Username=postgres;Database=postgres" [members] [postings] [invoices per year];
/// then `report-measure "<same>"` measures again on the database left behind.
/// The rows are copied in SQL from the demo's own (the columns the report reads set per row): going through the use
/// cases would take hours, and the report only reads.
/// </summary>
public static class ReportLoad
{
    private const string Database = "partage_report_load";

    public static async Task<int> RunAsync(string adminConnection, int members, long postings, int invoicesPerYear)
    {
        var (app, connectionString) = await LoadDatabase.FreshAsync(adminConnection, Database);
        var sw = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await services.GetRequiredService<DemoSeeder>().SeedAsync(300, 7);   // the demo: invoices, contracts, payslips, registers to copy
            await services.GetRequiredService<DemoSeeder>().SeedAsync(members - 300, 8, withBooks: false);
            var open = await services.GetRequiredService<PartageDbContext>().Set<Partage.App.Modules.Ledger.FiscalYear>().AsNoTracking()
                .Where(f => f.StartsOn == new DateOnly(2026, 1, 1)).Select(f => f.LegalEntityId).ToListAsync();
            foreach (var (entity, code) in await services.GetRequiredService<Partage.App.Modules.LegalEntities.ILegalEntitiesApi>().CodesAsync())
            {
                if (!open.Contains(entity))
                {
                    await services.GetRequiredService<OpenFiscalYear>().HandleAsync(new OpenFiscalYearInput(code, "2026-01-01", "2026-12-31"), Actor.System);
                }
            }
        }

        Console.WriteLine($"seed: {members:N0} members in {sw.Elapsed.TotalSeconds:0} s");
        sw.Restart();
        await LedgerLoad.BulkLoadAsync(app, connectionString, postings, 0);
        Console.WriteLine($"postings: {postings:N0} in {sw.Elapsed.TotalSeconds:0} s");
        sw.Restart();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString))
        {
            await connection.OpenAsync();
            await TenYearsAsync(connection, invoicesPerYear);
        }

        Console.WriteLine($"ten years of invoices, contracts and payslips in {sw.Elapsed.TotalSeconds:0} s");
        await MeasureAsync(app, connectionString);
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>The measures alone, on the database a full run left behind (migrated first: a new index is measured so).</summary>
    public static async Task<int> MeasureOnlyAsync(string adminConnection)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = Database, MaxPoolSize = 50 }.ConnectionString;
        var app = LoadDatabase.Existing(connectionString);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, "ANALYZE");
        }

        await MeasureAsync(app, connectionString);
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>Members joining over ten years; invoices, contracts and payslips spread over the same years and all activities.</summary>
    private static async Task TenYearsAsync(NpgsqlConnection connection, int invoicesPerYear)
    {
        var total = invoicesPerYear * 10;
        await ExecuteAsync(connection, """
            UPDATE members SET created_at = timestamptz '2017-01-01' + (random() * (timestamptz '2026-11-30' - timestamptz '2017-01-01'));
            CREATE TEMP TABLE acts AS SELECT row_number() OVER (ORDER BY id) AS rn, id, member_id, office_id, legal_entity_id FROM activities;
            CREATE TEMP TABLE trades (rn int, code text);
            INSERT INTO trades VALUES (0, 'technician'), (1, 'musician_singer'), (2, 'actor'), (3, 'dancer'), (4, 'graphic_web_designer'), (5, 'consultant_trainer'), (6, 'audiovisual');
            """);
        var activities = await ScalarAsync(connection, "SELECT count(*) FROM acts");
        await CopyAsync(connection, "invoices", "number IS NOT NULL AND kind = 'Invoice'", total, activities, new()
        {
            ["id"] = "gen_random_uuid()", ["number"] = "'BENCH-F-' || g", ["issue_date"] = "date '2017-01-01' + (g % 3620)::int", ["due_date"] = "date '2017-01-01' + (g % 3620)::int + 30",
            ["activity_id"] = "a.id", ["member_id"] = "a.member_id", ["office_id"] = "a.office_id", ["legal_entity_id"] = "a.legal_entity_id",
            ["net_cents"] = "10000 + (g::bigint * 7919) % 500000", ["gross_cents"] = "(10000 + (g::bigint * 7919) % 500000) * 12 / 10", ["payment_reference"] = "'RFBENCH' || g",
            ["sale_entry_id"] = "NULL", ["row_version"] = "0",
        });
        await CopyAsync(connection, "payroll_jobs", "status <> 'Cancelled'", total / 2, activities, new()
        {
            ["id"] = "gen_random_uuid()", ["number"] = "'BENCH-CT-' || g", ["start"] = "date '2017-01-01' + (g % 3620)::int", ["end"] = "date '2017-01-01' + (g % 3620)::int",
            ["activity_id"] = "a.id", ["member_id"] = "a.member_id", ["office_id"] = "a.office_id", ["legal_entity_id"] = "a.legal_entity_id",
            ["trade_code"] = "(SELECT code FROM trades WHERE rn = g % 7)", ["gross_cents"] = "20000 + (g::bigint * 104729) % 200000", ["commitment_entry_id"] = "NULL", ["row_version"] = "0",
        });
        // One payslip per copied contract, its gross the contract's.
        var columns = await ColumnsAsync(connection, "payroll_payslips");
        var set = new Dictionary<string, string>
        {
            ["id"] = "gen_random_uuid()", ["number"] = "'BENCH-BP-' || j.number", ["job_id"] = "j.id", ["member_id"] = "j.member_id", ["activity_id"] = "j.activity_id",
            ["office_id"] = "j.office_id", ["legal_entity_id"] = "j.legal_entity_id", ["from"] = "j.start", ["to"] = "j.\"end\"", ["period"] = "to_char(j.start, 'YYYY-MM')",
            ["due_on"] = "j.\"end\" + 7", ["gross_cents"] = "j.gross_cents", ["payment_batch_id"] = "NULL", ["row_version"] = "0",
        };
        await ExecuteAsync(connection, $"""
            INSERT INTO payroll_payslips ({string.Join(", ", columns.Select(Quote))})
            SELECT {string.Join(", ", columns.Select(c => set.GetValueOrDefault(c, "t." + Quote(c))))}
            FROM payroll_jobs j CROSS JOIN (SELECT * FROM payroll_payslips LIMIT 1) t WHERE j.number LIKE 'BENCH-CT-%';
            ANALYZE;
            """);
        Console.WriteLine($"rows: {await ScalarAsync(connection, "SELECT count(*) FROM members"):N0} members, {await ScalarAsync(connection, "SELECT count(*) FROM invoices"):N0} invoices, "
            + $"{await ScalarAsync(connection, "SELECT count(*) FROM payroll_jobs"):N0} contracts, {await ScalarAsync(connection, "SELECT count(*) FROM payroll_payslips"):N0} payslips, "
            + $"{await ScalarAsync(connection, "SELECT count(*) FROM ledger_postings"):N0} postings");
    }

    /// <summary>Copies one row of <paramref name="table"/> <paramref name="count"/> times, each on an activity in turn, the given columns set per copy.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string table, string template, long count, long activities, Dictionary<string, string> set)
    {
        var columns = await ColumnsAsync(connection, table);
        await ExecuteAsync(connection, $"""
            INSERT INTO {table} ({string.Join(", ", columns.Select(Quote))})
            SELECT {string.Join(", ", columns.Select(c => set.GetValueOrDefault(c, "t." + Quote(c))))}
            FROM generate_series(1, {count}) g CROSS JOIN (SELECT * FROM {table} WHERE {template} LIMIT 1) t JOIN acts a ON a.rn = (g % {activities}) + 1
            """);
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand("SELECT column_name FROM information_schema.columns WHERE table_name = @t AND is_generated = 'NEVER' ORDER BY ordinal_position", connection);
        command.Parameters.AddWithValue("t", table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static string Quote(string column) => "\"" + column + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Each measure ten times after two warm-ups; the database's own aggregates in the same run.</summary>
    private static async Task MeasureAsync(Microsoft.AspNetCore.Builder.WebApplication app, string connectionString)
    {
        OfficeId lille;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            lille = (await scope.ServiceProvider.GetRequiredService<IOfficesApi>().ListOfficesAsync()).First(o => o.Name.Contains("Lille", StringComparison.Ordinal)).Id;
        }

        async Task Time(string what, Func<IServiceProvider, Task> run)
        {
            var timings = new List<double>();
            for (var i = 0; i < 12; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var start = Stopwatch.GetTimestamp();
                await run(scope.ServiceProvider);
                if (i >= 2)
                {
                    timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }

            timings.Sort();
            Console.WriteLine($"{what}: p50 {timings[timings.Count / 2]:0} ms, max {timings[^1]:0} ms");
        }

        await Time("reference — the database's own sums of 2025–2026 invoicing and members (one SQL statement each)", async _ =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await ExecuteAsync(connection, """
                SELECT extract(year FROM issue_date), legal_entity_id, module_code, office_id, kind, sum(net_cents) FROM invoices
                WHERE number IS NOT NULL AND issue_date BETWEEN date '2025-01-01' AND date '2026-12-31' GROUP BY 1, 2, 3, 4, 5;
                SELECT count(*) FILTER (WHERE created_at < timestamptz '2026-01-01'), count(*) FILTER (WHERE created_at < timestamptz '2027-01-01') FROM members WHERE status IN ('Active', 'Inactive');
                """);
        });
        await Time("the whole report of 2026, the group (every table, 2025 and 2026)", s => s.GetRequiredService<GetAnnualReport>().HandleAsync(2026, null, null, Actor.System));
        await Time("the whole report of 2026, the Lille office", s => s.GetRequiredService<GetAnnualReport>().HandleAsync(2026, null, lille, Actor.System));
        await Time("the whole report of 2026 as a PDF (tables and charts)", s => s.GetRequiredService<GetAnnualReport>().PdfAsync(2026, null, null, Actor.System, default));
        await Time("the Lille office's dashboard for November 2026", s => s.GetRequiredService<GetOfficeDashboard>().HandleAsync("2026-11", lille, Actor.System));
        await Time("the group's dashboard for November 2026", s => s.GetRequiredService<GetOfficeDashboard>().HandleAsync("2026-11", null, Actor.System));
    }
}
