using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Demo;
using Partage.App.Infrastructure;
using Partage.App.Security;

namespace Partage.Benchmarks;

/// <summary>
/// The member list with 50,000 members (issue 2: a filtered page in under 200 ms), over HTTP on a
/// real Kestrel port with a bearer token, as a manager (one office) and as administration (all).
/// The database is PARTAGE_BENCH_DB (SQLite file, or a PostgreSQL connection string with
/// PARTAGE_BENCH_PROVIDER=Postgres); when the file does not exist it is created and seeded with
/// `demo seed --members 50000 --seed 42`.
/// </summary>
[MemoryDiagnoser]
public class MemberListBenchmarks
{
    private WebApplication app = null!;
    private HttpClient admin = null!;
    private HttpClient manager = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var provider = Environment.GetEnvironmentVariable("PARTAGE_BENCH_PROVIDER") ?? "Sqlite";
        var connection = Environment.GetEnvironmentVariable("PARTAGE_BENCH_DB") ?? $"Data Source={Path.Combine(Path.GetTempPath(), "partage-bench-50k.db")}";
        var builder = PartageHost.CreateBuilder([
            "--environment=Development",   // the demo settings (appsettings.Development.json)
            $"--Database:Provider={provider}", $"--ConnectionStrings:Partage={connection}", "--Database:MigrateOnStart=true",
            "--Demo:SeedOnFirstStart=false", "--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning",
        ]);
        app = PartageHost.Build(builder);
        await PartageHost.PrepareAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            var db = scope.ServiceProvider.GetRequiredService<Partage.Persistence.PartageDbContext>();
            var count = db.Set<Partage.App.Modules.Members.Member>().Count();
            if (count < 50_000)
            {
                await seeder.SeedAsync(50_000 - count, 42);
            }
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        admin = await ClientAsync(address, "admin@partage.test");
        manager = await ClientAsync(address, "gestionnaire@partage.test");
    }

    private async Task<HttpClient> ClientAsync(string address, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (token, _) = await scope.ServiceProvider.GetRequiredService<TokenIssuer>().IssueAsync(email);
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Staff: text search over all 50,000 members, active only, first page of 25.</summary>
    [Benchmark]
    public Task<string> AdminSearchActive() => admin.GetStringAsync("/api/v1/members?q=mar&status=Active&pageSize=25");

    /// <summary>Staff: a late page of the whole list sorted by name (the costliest offset).</summary>
    [Benchmark]
    public Task<string> AdminLastPage() => admin.GetStringAsync("/api/v1/members?page=1990&pageSize=25");

    /// <summary>Staff: the end of the whole list by name, by position (keyset paging, no count).</summary>
    [Benchmark]
    public Task<string> AdminScrollEnd() => admin.GetStringAsync("/api/v1/members/scroll?end=true&pageSize=25");

    /// <summary>Manager of Lille (~18.6 % of members): trade filter within the office.</summary>
    [Benchmark]
    public Task<string> ManagerOfficeByTrade() => manager.GetStringAsync("/api/v1/members?trade=musician_singer&pageSize=25");

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        admin.Dispose();
        manager.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
