using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Partage.App.Demo;
using Partage.App.Infrastructure.Database;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.Tests.Infrastructure;

/// <summary>
/// The real application on a test server, over a fresh database migrated from empty, with the
/// demo network and role accounts (no generated members) and a fake clock at 2026-11-26 10:00 UTC.
/// </summary>
public class PartageFactory : WebApplicationFactory<Program>
{
    /// <summary>The default start, where the scenarios written on the calendar of December 2026 begin (declared before <see cref="Now"/>: static fields start in order).</summary>
    public static readonly DateTimeOffset December2026 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The test clock's start: 2026-11-26 10:00 UTC, or PARTAGE_TEST_NOW (an ISO instant) to run the
    /// suite at another date, e.g. 2026-12-31T23:30:00Z (half past midnight in Paris on New Year's Day).
    /// </summary>
    public static readonly DateTimeOffset Now = System.Environment.GetEnvironmentVariable("PARTAGE_TEST_NOW") is { Length: > 0 } text
        ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal)
        : December2026;

    private readonly TestDatabase database;
    private readonly bool ownsDatabase = true;
    private bool prepared;

    public PartageFactory()
        : this(Provider.Sqlite)
    {
    }

    protected PartageFactory(Provider provider, DateTimeOffset? start = null)
    {
        Clock = new FakeTimeProvider(start ?? Now);
        if (provider == Provider.Postgres)
        {
            // Migrated and seeded once per clock start, then copied by the server (CREATE DATABASE … TEMPLATE).
            database = TestDatabase.CopyOf(PostgresTemplates.For(Clock.Start));
            prepared = true;
        }
        else
        {
            database = TestDatabase.Create(provider);
        }
    }

    /// <summary>The server that migrates and seeds a PostgreSQL template on <paramref name="unprepared"/>, which it leaves in place.</summary>
    internal PartageFactory(TestDatabase unprepared, DateTimeOffset start)
    {
        database = unprepared;
        ownsDatabase = false;
        Clock = new FakeTimeProvider(start);
    }

    /// <summary>
    /// SQLite databases migrated and seeded once per clock start: a new test server copies one
    /// instead of migrating and seeding again (the first server of each start writes it).
    /// </summary>
    private static readonly string TemplateFolder = Directory.CreateTempSubdirectory("partage-templates-").FullName;

    private string? SqliteTemplate => database.Provider == Provider.Sqlite && ownsDatabase && FromTemplate
        ? Path.Combine(TemplateFolder, $"{Clock.Start.UtcTicks}.db")
        : null;

    /// <summary>A second server on the database another factory has already migrated and seeded (cluster tests).</summary>
    protected PartageFactory(TestDatabase shared)
    {
        database = shared;
        ownsDatabase = false;
        prepared = true;
        Clock = new FakeTimeProvider(Now);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The key the tests' personal-data key replaced (PersonalDataEncryptionTests writes values under it).</summary>
    public const string PreviousPersonalDataKey = "swKsP5n4Ul3N7rRwAls8bHXEVD8K4PXSBqnehlE4G6s=";

    /// <summary>Today in Paris by this server's clock (it moves when a test moves the clock).</summary>
    public DateOnly Today => Kernel.ParisTime.DateOf(Clock.GetUtcNow());

    public Provider Provider => database.Provider;

    /// <summary>Whether a SQLite server may start from the migrated template; the migration tests start from empty.</summary>
    protected virtual bool FromTemplate => true;

    /// <summary>Off by default: a test runs the jobs by hand; the scheduling tests turn Quartz on.</summary>
    protected virtual bool SchedulingEnabled => false;

    public string ConnectionString => database.ConnectionString;

    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (!prepared && SqliteTemplate is { } template && File.Exists(template))
        {
            database.CopyFrom(template);
            prepared = true;
        }

        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Partage", database.ConnectionString);
        builder.UseSetting("Database:BackupBeforeMigrate", "false");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Demo:SeedOnFirstStart", "false");
        builder.UseSetting("Attachments:Path", Path.Combine(Path.GetTempPath(), "partage-test-attachments"));
        builder.UseSetting("Scheduling:Enabled", SchedulingEnabled ? "true" : "false");
        builder.UseSetting("Security:LockoutMaxFailedAttempts", "3");
        // Every test server's requests come from one address (none, on the test server): the budgets per address are
        // out of the way here and tested on their own (RateLimitTests).
        builder.UseSetting("Security:AccountRequestsPerMinute", "1000000");
        builder.UseSetting("Security:PublicRequestsPerMinute", "1000000");
        // The scenarios move the clock by hours within one client: access tokens live a working day here; their short
        // life in production (15 minutes) and the refresh are tested on their own (RefreshTokenTests).
        builder.UseSetting("Security:AccessTokenMinutes", "480");
        // Every test server runs as if the personal-data key had just been changed: values under the old one still read.
        builder.UseSetting("Security:PreviousPersonalDataKeys", PreviousPersonalDataKey);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // A thousand PBKDF2 rounds instead of Identity's 100,000: every test server creates and signs in
            // accounts (the hash stores its round count, so the checks are the same; production keeps the default).
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }

    /// <summary>Migrates and seeds once; every test entry point calls it.</summary>
    public async Task<PartageFactory> ReadyAsync()
    {
        if (!prepared)
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(0, 7, withBooks: false);
            prepared = true;
            if (SqliteTemplate is { } template && !File.Exists(template))
            {
                await database.SnapshotAsync(template);
            }
        }

        return this;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await ReadyAsync();
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task<HttpClient> ClientForAsync(string email)
    {
        var token = await InScopeAsync(async s => (await s.GetRequiredService<TokenIssuer>().IssueAsync(email)).Token);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The actor a signed-in user is, resolved as a request would (roles, member, managed office).</summary>
    public Task<Actor> ActorAsync(string email) => InScopeAsync(async s =>
    {
        var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Partage.Persistence.PartageUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        var roles = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        var member = roles.Contains(Roles.Member) ? await s.GetRequiredService<App.Modules.Members.IMembersApi>().FindMemberIdByUserAsync(user.Id) : null;
        var office = roles.Contains(Roles.Manager) ? (await s.GetRequiredService<App.Modules.Offices.IOfficesApi>().FindManagerByUserAsync(user.Id))?.OfficeId : null;
        var employer = roles.Contains(Roles.Employer) ? await s.GetRequiredService<App.Modules.Employers.IEmployersApi>().FindEmployerByUserAsync(user.Id) : null;
        return new Actor(user.Id, email, roles, member, office, employer);
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase)
        {
            database.Dispose();
        }
    }
}

public sealed class PostgresFactory : PartageFactory
{
    public PostgresFactory()
        : base(Provider.Postgres)
    {
    }
}

/// <summary>
/// For the scenarios written on the calendar of a payroll month (December 2026: its jobs, pay days, DSN
/// and payslip figures): their clock starts on 26 November 2026 whatever PARTAGE_TEST_NOW says, and
/// they move it on themselves. Everything else follows the test clock.
/// </summary>
public sealed class December2026Factory : PartageFactory
{
    public December2026Factory()
        : base(Provider.Sqlite, December2026)
    {
    }
}

/// <summary>The December 2026 scenarios on PostgreSQL.</summary>
public sealed class PostgresDecember2026Factory : PartageFactory
{
    public PostgresDecember2026Factory()
        : base(Provider.Postgres, December2026)
    {
    }
}

/// <summary>A SQLite server whose database is migrated from empty, never copied from the template (the migration tests).</summary>
public sealed class EmptySqliteFactory : PartageFactory
{
    protected override bool FromTemplate => false;
}
