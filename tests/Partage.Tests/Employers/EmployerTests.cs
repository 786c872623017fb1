using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Employers.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Employers;

/// <summary>Employer organisations, their accounts and their mandates, through the service and the API.</summary>
public class EmployerTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The Lille employer's complete mandate from 1 January 2026, signed once per database.</summary>
    public static async Task<Guid> LilleMandateAsync(PartageFactory factory, World world)
    {
        await Gate.WaitAsync();
        try
        {
            return await factory.InScopeAsync(async s =>
            {
                var employer = await s.GetRequiredService<GetEmployer>().HandleAsync(world.LilleEmployer, Actor.System);
                employer = employer.Mandates.Count > 0 ? employer
                    : await s.GetRequiredService<SignMandate>().HandleAsync(world.LilleEmployer, new MandateInput("Complete", "2026-01-01", "Anne Directrice"), Actor.System);
                return employer.Mandates[^1].Id;
            });
        }
        finally
        {
            Gate.Release();
        }
    }

    [Fact]
    public async Task Create_BadFieldsListedInFrench_DuplicateSiretConflict_NothingWritten()
    {
        var world = await World.OfAsync(factory);
        using var payroll = await factory.ClientForAsync(World.Payroll);
        var bad = World.NewEmployer(world.Lille, "Compagnie", "12345678901234") with { Ape = "90", LegalForm = "Cooperative", AtMpRate = "3", UrssafSiret = "78861779300014" };
        var refused = await payroll.PostAsJsonAsync("/api/v1/employers", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "Siret", "Ape", "LegalForm", "AtMpRate", "UrssafSiret" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var duplicate = await payroll.PostAsJsonAsync("/api/v1/employers", World.NewEmployer(world.Lille, "Autre nom", "80012345700015"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var list = JsonDocument.Parse(await payroll.GetStringAsync("/api/v1/employers?search=compagnie")).RootElement;
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        // The URSSAF's SIRET, for the yearly contributions of a DSN under complete mandate: kept in its 14 digits.
        using var created = await payroll.PostAsJsonAsync("/api/v1/employers", World.NewEmployer(world.Lille, "Compagnie Urssaf", "80012345700023") with { UrssafSiret = "788 617 793 00013" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("78861779300013", JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("urssafSiret").GetString());
    }

    [Fact]
    public async Task Mandate_SignedMidMarch_Periods_OneAtATime_Terminated_ThenANewOne_Pdf()
    {
        var world = await World.OfAsync(factory);
        var payroll = await factory.ActorAsync(World.Payroll);
        var employer = await factory.InScopeAsync(s => s.GetRequiredService<CreateEmployer>().HandleAsync(World.NewEmployer(world.Lille, "Cirque", TestIdentifiers.Siret(TestIdentifiers.Siren())), payroll));

        var signed = await factory.InScopeAsync(s => s.GetRequiredService<SignMandate>().HandleAsync(employer.Id, new MandateInput("Complete", "2026-03-15", "Anne Directrice"), payroll));
        var mandate = Assert.Single(signed.Mandates);
        Assert.Equal([new DateRange(new DateOnly(2026, 3, 15), new DateOnly(2026, 12, 31))], mandate.Periods);
        var second = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<SignMandate>().HandleAsync(employer.Id, new MandateInput("Partial", "2026-06-01", "Anne"), payroll)));
        Assert.Equal(EmployersErrors.MandateOpen, second.Error);

        var terminated = await factory.InScopeAsync(s => s.GetRequiredService<TerminateMandate>().HandleAsync(employer.Id, new TerminationInput(null, "Changement de prestataire"), payroll));
        Assert.Equal(new DateOnly(2026, 12, 31), terminated.Mandates[0].TerminatedOn);   // by default at the end of the period: not renewed
        var early = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<SignMandate>().HandleAsync(employer.Id, new MandateInput("Partial", "2026-12-31", "Anne"), payroll)));
        Assert.Equal(EmployersErrors.MandateOpen, early.Error);
        var renewed = await factory.InScopeAsync(s => s.GetRequiredService<SignMandate>().HandleAsync(employer.Id, new MandateInput("Partial", "2027-01-01", "Anne Directrice"), payroll));
        Assert.Equal([MandateKind.Complete, MandateKind.Partial], renewed.Mandates.Select(m => m.Kind));

        var (name, pdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetMandatePdf>().HandleAsync(employer.Id, mandate.Id, payroll));
        Assert.StartsWith("mandat-", name, StringComparison.Ordinal);
        var text = Poppler.Text(pdf);
        Assert.Contains("Mandat complet de gestion de la paie", text, StringComparison.Ordinal);
        Assert.Contains("du 15/03/2026 au 31/12/2026", text, StringComparison.Ordinal);
        Assert.Contains("Résilié : dernier jour le 31/12/2026", text, StringComparison.Ordinal);
        var rate = await factory.InScopeAsync(async s => await s.GetRequiredService<App.Modules.Ledger.ILedgerApi>().FeeRateAsync(
            (await s.GetRequiredService<EmployerAccounts>().EntityAsync(default)).Id, App.Modules.LegalEntities.BusinessModules.ContractManagement, mandate.SignedOn));
        Assert.NotNull(rate);   // the fee rule in force at signature, as the mandate states it, not a figure written in the code
        Assert.Contains($"({rate.Value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} % HT de la masse salariale brute au jour de la signature)",
            System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmployerAccount_SeesItsOwnOrganisationOnly()
    {
        var world = await World.OfAsync(factory);
        using var lille = await factory.ClientForAsync(World.Employer);
        var list = JsonDocument.Parse(await lille.GetStringAsync("/api/v1/employers")).RootElement;
        Assert.Equal([world.LilleEmployer.ToString()], list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await lille.GetAsync($"/api/v1/employers/{world.ParisEmployer}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lille.PostAsJsonAsync($"/api/v1/employers/{world.LilleEmployer}/mandates",
            new { Kind = "Complete", SignedOn = "2030-01-01", SignedBy = "Moi" })).StatusCode);   // an employer does not record its own mandate: payroll staff's function

        var payroll = await factory.ActorAsync(World.Payroll);
        var taken = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(async s => { await s.GetRequiredService<LinkEmployerUser>().HandleAsync(world.ParisEmployer, World.Employer, payroll); return true; }));
        Assert.Equal(EmployersErrors.NotEmployerAccount, taken.Error);   // one employer per account
    }
}
