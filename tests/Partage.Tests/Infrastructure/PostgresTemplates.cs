using System.Collections.Concurrent;

namespace Partage.Tests.Infrastructure;

/// <summary>
/// PostgreSQL databases migrated from empty and seeded once per clock start: each PostgreSQL test
/// server then starts on a copy (CREATE DATABASE … TEMPLATE), as SQLite servers copy a file. The
/// templates are dropped when the test run ends.
/// </summary>
internal static class PostgresTemplates
{
    private static readonly ConcurrentDictionary<long, Lazy<TestDatabase>> Templates = new();

    static PostgresTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var template in Templates.Values.Where(t => t.IsValueCreated))
        {
            template.Value.Dispose();
        }
    };

    /// <summary>The name of the template for servers whose clock starts at <paramref name="start"/>, built by the first one to ask.</summary>
    public static string For(DateTimeOffset start) =>
        Templates.GetOrAdd(start.UtcTicks, _ => new Lazy<TestDatabase>(() => Build(start), LazyThreadSafetyMode.ExecutionAndPublication)).Value.Name;

    private static TestDatabase Build(DateTimeOffset start)
    {
        var database = TestDatabase.Create(Provider.Postgres);
        // On the thread pool: a test class's fixture is built under xUnit's synchronization context.
        Task.Run(async () =>
        {
            await using var server = new PartageFactory(database, start);
            await server.ReadyAsync();
        }).GetAwaiter().GetResult();
        database.Disconnect();
        return database;
    }
}
