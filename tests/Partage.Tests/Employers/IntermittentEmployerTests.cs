using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Employers.Features;
using Partage.Kernel;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Employers;

/// <summary>
/// Only employers of live performance (with a valid licence), cinema and audiovisual, or recording hire intermittents;
/// an occasional organiser is sent to the GUSO. A contract of the régime général stays possible for all.
/// </summary>
public class IntermittentEmployerTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    /// <summary>A new employer of this sector under a complete mandate since March 2026, and how payroll staff submit its contracts.</summary>
    public static async Task<Func<StaffContractInput, Task<StaffContractView>>> EmployerAsync(PartageFactory factory, string sector, string? licence, string? validUntil, string? funds = null, string? ape = null)
    {
        var world = await World.OfAsync(factory);
        var payroll = await factory.ActorAsync(World.Payroll);
        var input = World.NewEmployer(world.Lille, $"Employeur {sector}", TestIdentifiers.Siret(TestIdentifiers.Siren()), sector: sector);
        var employer = await factory.InScopeAsync(s => s.GetRequiredService<CreateEmployer>().HandleAsync(input with { LicenceNumber = licence, LicenceValidUntil = validUntil, FundReferences = funds ?? input.FundReferences, Ape = ape ?? input.Ape }, payroll));
        await factory.InScopeAsync(s => s.GetRequiredService<SignMandate>().HandleAsync(employer.Id, new MandateInput("Complete", "2026-03-15", "Présidence"), payroll));
        return contract => factory.InScopeAsync(s => s.GetRequiredService<SubmitStaffContract>().HandleAsync(employer.Id, contract, payroll));
    }

    private static int next = 300;

    public static StaffContractInput Contract(string kind, string start = "2027-01-04", string gross = "400") =>
        new("DUPONT", "Lou", StaffPayrollTests.Nir(Interlocked.Increment(ref next)), "1991-02-03", "FR7630006000011234567890189", kind, "non",
            kind == "intermittent_artist" ? "Artiste de variétés" : "Régisseur", "Concert", start, start, kind == "intermittent_artist" ? null : "8", kind == "intermittent_artist" ? "1" : null, gross, null, null, "Lille");

    private static async Task<string> RefusedAsync(Func<StaffContractInput, Task<StaffContractView>> submit, StaffContractInput contract) =>
        (await Assert.ThrowsAsync<InputValidationException>(() => submit(contract))).Errors["Kind"].Single();

    [Fact]
    public async Task OccasionalOrganiser_NoIntermittents_SentToTheGuso_ButCommonLawContractsStayPossible()
    {
        var submit = await EmployerAsync(factory, "Other", null, null);
        Assert.Contains("GUSO (www.guso.fr, art. L7122-22", await RefusedAsync(submit, Contract("intermittent_artist")), StringComparison.Ordinal);
        Assert.Contains("GUSO", await RefusedAsync(submit, Contract("intermittent_technician")), StringComparison.Ordinal);
        Assert.StartsWith("GC-", (await submit(Contract("regime_general"))).Number, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LivePerformanceEmployer_NeedsALicenceValidUntilTheContractsEnd()
    {
        var unlicensed = await EmployerAsync(factory, "LivePerformance", null, null);
        Assert.Contains("n'a pas de licence d'entrepreneur de spectacles", await RefusedAsync(unlicensed, Contract("intermittent_artist")), StringComparison.Ordinal);

        var expiring = await EmployerAsync(factory, "LivePerformance", "PLATESV-D-2022-000099", "2027-01-10");
        Assert.StartsWith("GC-", (await expiring(Contract("intermittent_artist", "2027-01-08"))).Number, StringComparison.Ordinal);
        Assert.Contains("valable jusqu'au 11/01/2027", await RefusedAsync(expiring, Contract("intermittent_artist", "2027-01-11")), StringComparison.Ordinal);

        // The APE code INSEE recorded decides, not the sector stated: a licensed "live performance" restaurant hires no intermittent.
        var restaurant = await EmployerAsync(factory, "LivePerformance", "PLATESV-D-2022-000100", "2030-12-31", ape: "5610A");
        Assert.Contains("Le code APE de Employeur LivePerformance (5610A) n'est pas celui d'une activité de spectacle vivant (9001Z, 9002Z, 9004Z)", await RefusedAsync(restaurant, Contract("intermittent_artist")), StringComparison.Ordinal);
        Assert.StartsWith("GC-", (await restaurant(Contract("regime_general"))).Number, StringComparison.Ordinal);

        var audiovisual = await EmployerAsync(factory, "Audiovisual", null, null);
        Assert.StartsWith("GC-", (await audiovisual(Contract("intermittent_technician"))).Number, StringComparison.Ordinal);

        // Compulsory affiliations: without the Congés Spectacles and Audiens numbers on file, no intermittent.
        var unaffiliated = await EmployerAsync(factory, "Recording", null, null, funds: "Congés Spectacles 67890");
        Assert.Contains("n'a pas renseigné son numéro d'adhérent Audiens", await RefusedAsync(unaffiliated, Contract("intermittent_technician")), StringComparison.Ordinal);
        Assert.StartsWith("GC-", (await unaffiliated(Contract("regime_general"))).Number, StringComparison.Ordinal);

        // A job title outside the functions of annexes 8 and 10 is no intermittent's contract, even for a licensed employer.
        var outside = await Assert.ThrowsAsync<InputValidationException>(() => expiring(Contract("intermittent_artist", "2027-01-07") with { Job = "Animateur de soirée" }));
        Assert.Contains("« Animateur de soirée » n'est pas une fonction de la liste de l'annexe 10", outside.Errors["Job"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("GC-", (await expiring(Contract("regime_general", "2027-01-07") with { Job = "Animateur de soirée" })).Number, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Licence_IsANumberAndAnEndOfValidity_GivenTogether()
    {
        var world = await World.OfAsync(factory);
        var payroll = await factory.ActorAsync(World.Payroll);
        var halfLicence = World.NewEmployer(world.Lille, "Demi-licence", TestIdentifiers.Siret(TestIdentifiers.Siren())) with { LicenceValidUntil = null };
        var refused = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<CreateEmployer>().HandleAsync(halfLicence, payroll)));
        Assert.Contains("LicenceValidUntil", refused.Errors.Keys);
    }
}
