using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Leasing.Features;
using Partage.Tests.Http;
using Partage.Tests.Infrastructure;
using Partage.Tests.Payroll;
using static Partage.Tests.Leasing.Leases;

namespace Partage.Tests.Leasing;

/// <summary>`partage leases collect` run as its own process on the test database: the day's pain.008 written to the folder, and a bad date refused in words.</summary>
public sealed class LeaseCommandLineTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    [Fact]
    public async Task Collect_WritesTheDaysDirectDebitFile_WhenTheBudgetIsShort()
    {
        var activity = await FreshActivityAsync(factory);
        var lease = await ActiveAsync(factory, activity, factory.Today.AddDays(14), months: "6", priceExclVat: "900");
        await factory.InScopeAsync(async s => await s.GetRequiredService<SignMandate>().HandleAsync(lease.Id,
            new SignMandateInput("Camille Martin", "FR1420041010050500013M02606", true), await factory.ActorAsync(World.LilleMemberEmail)));
        Assert.Equal(1, (await CollectAsync(factory)).Prenotified);   // fourteen days ahead: the member is told today
        factory.Clock.Advance(TimeSpan.FromDays(14));

        var folder = Directory.CreateTempSubdirectory("partage-leases-").FullName;
        var (exit, output, error) = await CommandLineTests.PartageAsync(factory, "leases", "collect", "--out", folder);

        Assert.True(exit == 0, output + error);
        Assert.Contains("1 échéance prélevée", output, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(folder, "PRLV-*.xml"));
        Assert.Empty(await SepaChecker.CheckAsync(file));
        Assert.Contains($"{lease.Number}-M1", await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        var (badExit, _, badError) = await CommandLineTests.PartageAsync(factory, "leases", "collect", "--date", "2026-13-01", "--out", folder);
        Assert.NotEqual(0, badExit);
        Assert.Contains("La date de collecte", badError, StringComparison.Ordinal);
    }
}
