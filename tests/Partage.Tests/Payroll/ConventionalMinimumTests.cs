using System.Net;
using System.Net.Http.Json;
using Partage.App.Modules.Payroll;
using Partage.Kernel;
using Partage.Tests.Employers;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>
/// The conventional minimum is checked again at countersignature (a minimum added since the declaration applies), and for
/// the contracts of employers under mandate (their agreement's minimum for every trade), the SMIC staying the floor.
/// Its own class: the minima it adds hold for every test of its server.
/// </summary>
public class ConventionalMinimumTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private async Task AddMinimumAsync(string trade, string amount)
    {
        using var payroll = await factory.ClientForAsync(World.Payroll);
        using var added = await payroll.PostAsJsonAsync("/api/v1/payroll/minimum-rates",
            new { CollectiveAgreement = "3090", Trade = trade, Unit = "Cachet", Amount = amount, From = "2026-11-01", Source = "Grille SVP, avenant salaires (test)" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
    }

    [Fact]
    public async Task AMinimumAddedAfterTheDeclaration_RefusesTheCountersignature()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 200_000);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var job = await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay(), gross: "150"), member);
        await Hiring.SignAsync(factory, job, member);
        await AddMinimumAsync("musician_singer", "200");

        var refused = await Assert.ThrowsAsync<DomainException>(() => Hiring.CountersignAsync(factory, job));
        Assert.Equal(PayrollErrors.ChecksFailed, refused.Error);
        Assert.Contains("minimum conventionnel IDCC 3090 de 200,00", refused.Message, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Signed, (await factory.InScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<App.Modules.Payroll.Features.GetJob>(s).HandleAsync(job.Id, App.Security.Actor.System))).Status);
    }

    [Fact]
    public async Task EmployersContracts_TheirAgreementsMinimumForEveryTrade_AndTheSmicForHours()
    {
        var submit = await IntermittentEmployerTests.EmployerAsync(factory, "LivePerformance", "PLATESV-D-2025-000417", "2030-12-31");
        await AddMinimumAsync("*", "120");
        var refused = await Assert.ThrowsAsync<InputValidationException>(() => submit(IntermittentEmployerTests.Contract("intermittent_artist", gross: "100")));
        Assert.Matches("minimum conventionnel IDCC 3090 de 120,00.€ par cachet", refused.Errors["Gross"].Single());
        Assert.StartsWith("GC-", (await submit(IntermittentEmployerTests.Contract("intermittent_artist", gross: "120"))).Number, StringComparison.Ordinal);

        var underSmic = await Assert.ThrowsAsync<InputValidationException>(() => submit(IntermittentEmployerTests.Contract("intermittent_technician", gross: "60")));   // 8 h
        Assert.Contains("SMIC horaire × 8 h", underSmic.Errors["Gross"].Single(), StringComparison.Ordinal);
    }
}
