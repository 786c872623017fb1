using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Partage.App.Demo;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Activities;
using Activity = Partage.App.Modules.Activities.Activity;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.Benchmarks;

/// <summary>
/// The ledger's load script (issue 3), on PostgreSQL: loads 5 million postings, then measures
/// an activity's budget + last 50 movements, posting throughput through ILedgerApi against
/// pgbench's TPC-B-like script on the same server, and the FEC export of 1 million lines.
/// Usage: dotnet run -c Release -- ledger "Host=…;Username=postgres;Database=postgres" [postings]
/// The bulk load uses COPY with the ledger's triggers disabled (they are re-enabled and
/// `ledger check` is run over the result): going through the API would take an hour.
/// </summary>
public static class LedgerLoad
{
    private const string Database = "partage_ledger_load";

    public static async Task<int> RunAsync(string adminConnection, long postings)
    {
        var (app, connectionString) = await LoadDatabase.FreshAsync(adminConnection, Database);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(2_000, 5, withBooks: false);
            foreach (var code in new[] { "SCIC", "LNA", "GE" })
            {
                await scope.ServiceProvider.GetRequiredService<OpenFiscalYear>().HandleAsync(new OpenFiscalYearInput(code, "2026-01-01", "2026-12-31"), Actor.System);
            }
        }

        var fecPostings = Math.Min(1_000_000, postings / 5);
        var sw = Stopwatch.StartNew();
        var activities = await BulkLoadAsync(app, connectionString, postings, fecPostings);
        Console.WriteLine($"bulk load: {postings:N0} postings in {sw.Elapsed.TotalSeconds:0.0} s");

        sw.Restart();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var check = await scope.ServiceProvider.GetRequiredService<CheckBooks>().HandleAsync(null);
            Console.WriteLine($"ledger check: {check.Entries:N0} entries, balanced = {check.IsBalanced}, {sw.Elapsed.TotalSeconds:0.0} s");
        }

        await BudgetLatencyAsync(app, activities);
        await ThroughputAsync(app, activities, Workers, 5, 1);   // warm-up: tiered JIT, pools
        var single = await ThroughputAsync(app, activities, Workers, 20, 1);
        var batched = await ThroughputAsync(app, activities, Workers, 20, BatchedSize);
        var pgbench = PgBench(adminConnection);
        Console.WriteLine($"posting throughput, one entry per transaction (PostAsync): {single:0} entries/s; pgbench TPC-B-like: {pgbench:0} tps; ratio {single / pgbench:P0}");
        Console.WriteLine($"posting throughput, {BatchedSize} entries per transaction (PostManyAsync): {batched:0} entries/s; ratio {batched / pgbench:P0}");
        Console.WriteLine($"FEC: run `/usr/bin/time -v dotnet src/Partage.App/bin/Release/net10.0/Partage.App.dll ledger fec --entity SCIC --year 2026 --out /tmp/fec` with Database__Provider=Postgres ConnectionStrings__Partage=\"{connectionString}\" ({fecPostings:N0} SCIC postings)");
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>Posting throughput alone, on the database a previous full run left behind.</summary>
    public static async Task<int> PostOnlyAsync(string adminConnection, int seconds)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = Database, MaxPoolSize = 50 }.ConnectionString;
        var app = LoadDatabase.Existing(connectionString);
        List<ActivityId> activities;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            activities = await scope.ServiceProvider.GetRequiredService<PartageDbContext>().Set<Activity>().AsNoTracking().Select(a => a.Id).ToListAsync();
        }

        await ThroughputAsync(app, activities, Workers, 5, Batch);   // warm-up: tiered JIT, pools
        var ours = await ThroughputAsync(app, activities, Workers, seconds, Batch);
        var pgbench = PgBench(adminConnection);
        Console.WriteLine($"posting throughput: {ours:0} entries/s through ILedgerApi ({Workers} workers, {Batch} entries per transaction, {Journals} journal series, {seconds} s); pgbench {pgbench:0} tps; ratio {ours / pgbench:P0}");
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>How many journal series the workers spread over (1 to 10, see <see cref="ThroughputAsync"/>).</summary>
    private static int Journals => int.Parse(Environment.GetEnvironmentVariable("PARTAGE_BENCH_JOURNALS") ?? "10", CultureInfo.InvariantCulture);

    private static int Workers => int.Parse(Environment.GetEnvironmentVariable("PARTAGE_BENCH_WORKERS") ?? "8", CultureInfo.InvariantCulture);

    /// <summary>Entries per transaction: 1 posts each with PostAsync, more posts batches with PostManyAsync.</summary>
    private static int Batch => int.Parse(Environment.GetEnvironmentVariable("PARTAGE_BENCH_BATCH") ?? "1", CultureInfo.InvariantCulture);

    /// <summary>The batch of the full run's second measurement: a day's bank statement or payroll run is of this order.</summary>
    private static int BatchedSize => Batch > 1 ? Batch : 50;

    /// <summary>Loads <paramref name="postings"/> postings of 2026 with COPY (the first <paramref name="fecPostings"/> on SCIC); also the annual report's load script.</summary>
    internal static async Task<List<ActivityId>> BulkLoadAsync(WebApplication app, string connectionString, long postings, long fecPostings)
    {
        List<(ActivityId Id, LegalEntityId Entity)> activities;
        Dictionary<(LegalEntityId, string), AccountId> accounts;
        Dictionary<LegalEntityId, Guid> years;
        Dictionary<LegalEntityId, long> numbers;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartageDbContext>();
            activities = (await db.Set<Activity>().AsNoTracking().Select(a => new { a.Id, a.LegalEntityId }).ToListAsync()).Select(a => (a.Id, a.LegalEntityId)).ToList();
            accounts = await db.Set<LedgerAccount>().AsNoTracking().Where(a => a.AuxiliaryCode == null).ToDictionaryAsync(a => (a.LegalEntityId, a.Number), a => a.Id);
            years = await db.Set<FiscalYear>().AsNoTracking().Where(f => f.StartsOn.Year == 2026).ToDictionaryAsync(f => f.LegalEntityId, f => f.Id);
            var yearIds = years.Values.ToList();
            // After the demo's own entries, when it posted some.
            numbers = await db.Set<JournalEntry>().AsNoTracking().Where(e => e.JournalCode == "PA" && yearIds.Contains(e.FiscalYearId))
                .GroupBy(e => e.LegalEntityId).Select(g => new { g.Key, Last = g.Max(e => e.Number) }).ToDictionaryAsync(g => g.Key, g => g.Last);
        }

        // A bulk COPY of millions of rows outlasts the default 30 s command timeout.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand("ALTER TABLE ledger_postings DISABLE TRIGGER USER; ALTER TABLE ledger_entries DISABLE TRIGGER USER", connection).ExecuteNonQueryAsync();
        var scic = LegalEntitiesReferenceData.Scic;
        var others = activities.Where(a => a.Entity != scic).ToList();
        var scicActivities = activities.Where(a => a.Entity == scic).ToList();
        var postedAt = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);
        var entries = postings / 2;
        var random = new Random(42);
        // Entries first (the postings' foreign key needs them committed), then their postings.
        var rows = new (Guid Id, LegalEntityId Entity, ActivityId Activity, long Cents, DateOnly Date)[entries];
        await using (var entryWriter = await connection.BeginBinaryImportAsync(
            "COPY ledger_entries (id, legal_entity_id, journal_code, fiscal_year_id, number, accounting_date, label, source_type, source_id, piece_ref, idempotency_key, posted_at, posted_by) FROM STDIN (FORMAT BINARY)"))
        {
            for (long i = 0; i < entries; i++)
            {
                // The first fecPostings / 2 entries go to SCIC (the FEC measured), the rest to LNA and GE.
                var (activity, entity) = i < fecPostings / 2 ? scicActivities[(int)(i % scicActivities.Count)] : others[(int)(i % others.Count)];
                var number = numbers[entity] = numbers.GetValueOrDefault(entity) + 1;
                var id = Guid.CreateVersion7();
                var date = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 330));
                rows[i] = (id, entity, activity, random.NextInt64(100, 500_000), date);
                await entryWriter.StartRowAsync();
                await entryWriter.WriteAsync(id, NpgsqlDbType.Uuid);
                await entryWriter.WriteAsync(entity.Value, NpgsqlDbType.Uuid);
                await entryWriter.WriteAsync("PA", NpgsqlDbType.Varchar);
                await entryWriter.WriteAsync(years[entity], NpgsqlDbType.Uuid);
                await entryWriter.WriteAsync(number, NpgsqlDbType.Bigint);
                await entryWriter.WriteAsync(date, NpgsqlDbType.Date);
                await entryWriter.WriteAsync($"Salaire {number}", NpgsqlDbType.Varchar);
                await entryWriter.WriteAsync("load", NpgsqlDbType.Varchar);
                await entryWriter.WriteAsync(number.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await entryWriter.WriteAsync($"B-{number}", NpgsqlDbType.Varchar);
                await entryWriter.WriteAsync($"load:{id}", NpgsqlDbType.Varchar);
                await entryWriter.WriteAsync(postedAt, NpgsqlDbType.TimestampTz);
                await entryWriter.WriteAsync("load", NpgsqlDbType.Varchar);
            }

            await entryWriter.CompleteAsync();
        }

        await using (var postingWriter = await connection.BeginBinaryImportAsync(
            "COPY ledger_postings (id, entry_id, line_number, account_id, side, amount, accounting_date, activity_id, label) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, entity, activity, cents, date) in rows)
            {
                foreach (var (line, account, side, tagged) in new[] { (1, "641", "D", true), (2, "421", "C", false) })
                {
                    await postingWriter.StartRowAsync();
                    await postingWriter.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await postingWriter.WriteAsync(id, NpgsqlDbType.Uuid);
                    await postingWriter.WriteAsync(line, NpgsqlDbType.Integer);
                    await postingWriter.WriteAsync(accounts[(entity, account)].Value, NpgsqlDbType.Uuid);
                    await postingWriter.WriteAsync(side, NpgsqlDbType.Varchar);
                    await postingWriter.WriteAsync(cents, NpgsqlDbType.Bigint);
                    await postingWriter.WriteAsync(date, NpgsqlDbType.Date);
                    if (tagged)
                    {
                        await postingWriter.WriteAsync(activity.Value, NpgsqlDbType.Uuid);
                    }
                    else
                    {
                        await postingWriter.WriteNullAsync();
                    }

                    await postingWriter.WriteNullAsync();
                }
            }

            await postingWriter.CompleteAsync();
        }

        await new NpgsqlCommand("ALTER TABLE ledger_postings ENABLE TRIGGER USER; ALTER TABLE ledger_entries ENABLE TRIGGER USER; ANALYZE", connection).ExecuteNonQueryAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var series = scope.ServiceProvider.GetRequiredService<NumberSeries>();
            foreach (var (entity, last) in numbers)
            {
                await series.ResetAsync($"ledger:PA:{years[entity]}", last);
            }
        }

        return activities.Select(a => a.Id).ToList();
    }

    private static async Task BudgetLatencyAsync(WebApplication app, List<ActivityId> activities)
    {
        var random = new Random(7);
        var timings = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var activity = activities[random.Next(activities.Count)];
            await using var scope = app.Services.CreateAsyncScope();
            var ledger = scope.ServiceProvider.GetRequiredService<ILedgerApi>();
            var start = Stopwatch.GetTimestamp();
            await ledger.BudgetAsync(activity);
            await ledger.StatementAsync(activity, null, null, 50);
            if (i >= 20)
            {
                timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);   // the first 20 warm up
            }
        }

        timings.Sort();
        Console.WriteLine($"budget + last 50 movements: p50 {timings[timings.Count / 2]:0.0} ms, p95 {timings[timings.Count * 95 / 100]:0.0} ms, max {timings[^1]:0.0} ms ({timings.Count} activities, ~{5_000_000 / activities.Count / 2:N0} postings each)");
    }

    /// <summary>
    /// Entries posted per second by <paramref name="workers"/> workers. Each journal of an entity and a
    /// fiscal year is one gapless series whose counter row every post of that journal waits for
    /// (ADR 0003), as every pgbench transaction waits for its branch's row: with
    /// <c>PARTAGE_BENCH_JOURNALS=1</c> all workers post to LNA's OD journal (one series, the worst case);
    /// by default they spread over the VT, AC, BQ, PA and OD journals of LNA and SCIC, ten series as
    /// pgbench's scale 10 has ten branches.
    /// </summary>
    private static async Task<double> ThroughputAsync(WebApplication app, List<ActivityId> activities, int workers, int seconds, int batch)
    {
        var targets = new List<(LegalEntityId Entity, string Journal, AccountId Wages, AccountId Payable, List<ActivityId> Activities)>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ledger = scope.ServiceProvider.GetRequiredService<ILedgerApi>();
            var ids = activities.ToHashSet();
            foreach (var entity in new[] { LegalEntitiesReferenceData.Lna, LegalEntitiesReferenceData.Scic })
            {
                var own = (await scope.ServiceProvider.GetRequiredService<PartageDbContext>().Set<Activity>().AsNoTracking()
                    .Where(a => a.LegalEntityId == entity).Select(a => a.Id).ToListAsync()).Where(ids.Contains).ToList();
                var wages = await ledger.AccountAsync(entity, "641");
                var payable = await ledger.AccountAsync(entity, "421");
                targets.AddRange(new[] { "OD", "VT", "AC", "BQ", "PA" }.Select(j => (entity, j, wages, payable, own)));
            }
        }

        targets = targets.Take(Journals).ToList();
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        long posted = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var ledger = scope.ServiceProvider.GetRequiredService<ILedgerApi>();
                var target = targets[random.Next(targets.Count)];
                var entries = Enumerable.Range(0, batch).Select(_ =>
                {
                    var key = Guid.NewGuid().ToString("N");
                    var amount = Money.Eur(random.NextInt64(100, 100_000));
                    ActivityId? activity = target.Activities.Count == 0 ? null : target.Activities[random.Next(target.Activities.Count)];
                    return new PostEntryRequest(target.Entity, target.Journal, new DateOnly(2026, 11, 20), "Charge", "load", key, key,
                        [new PostingLine(target.Wages, Side.Debit, amount, activity), new PostingLine(target.Payable, Side.Credit, amount)]);
                }).ToList();
                if (batch == 1)
                {
                    await ledger.PostAsync(entries[0], Actor.System);
                }
                else
                {
                    await ledger.PostManyAsync(entries, Actor.System);
                }

                Interlocked.Add(ref posted, batch);
            }
        })));
        return posted / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>pgbench's default TPC-B-like script, same server, same client count, 20 s.</summary>
    private static double PgBench(string adminConnection)
    {
        var b = new NpgsqlConnectionStringBuilder(adminConnection);
        string Run(string args)
        {
            var start = new ProcessStartInfo("pgbench", $"-h {b.Host} -p {b.Port} -U {b.Username} {args}") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output;
        }

        Run("-i -s 10 -q postgres");
        var result = Run("-c 8 -j 2 -T 20 -n postgres");
        var line = result.Split('\n').First(l => l.StartsWith("tps = ", StringComparison.Ordinal));
        Console.WriteLine("pgbench: " + line.Trim());
        return double.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture);
    }
}
