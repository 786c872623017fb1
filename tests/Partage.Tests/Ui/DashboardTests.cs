using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Ui;

/// <summary>The home page speaks to each role about what works for them.</summary>
public class DashboardTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task TheEmployersHome_LeadsToTheirOrganisation_AndNoLongerSaysTheServiceIsClosed()
    {
        await OpenAsync(factory);
        using var browser = await factory.SignedInBrowserAsync(World.Employer);
        var page = await browser.GetStringAsync("/tableau-de-bord");
        Assert.Contains("Espace employeur", page, StringComparison.Ordinal);
        Assert.Contains("class=\"button\" href=\"/employeurs\">Ouvrir mon organisation</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("pas encore ouvert", page, StringComparison.Ordinal);
    }
}

/// <summary>Each role's home answers its questions: a member's money and what waits for them, staff's queues, overdue invoices by age.</summary>
public class RoleHomeTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task MembersHome_ShowsAvailableMoney_TheDraftToIssue_AndTheOverdueInvoiceToChase()
    {
        var world = await OpenAsync(factory);
        var client = await Invoicing.Sales.FrenchClientAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        await Invoicing.Sales.DraftAsync(factory, Invoicing.Sales.Draft(world.LilleActivity, client.Id, ("Atelier d'éveil", "1", "C62", "180", null)), member);
        var issued = await Invoicing.Sales.IssuedAsync(factory, Invoicing.Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "1000", null)) with { PaymentTermsDays = 0 });
        await factory.InScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Partage.App.Modules.Invoicing.Features.SendInvoice>(s).HandleAsync(issued.Id, Partage.App.Security.Actor.System));
        factory.Clock.Advance(TimeSpan.FromDays(40));
        var budget = await BudgetAsync(factory, world.LilleActivity);

        using var browser = await factory.SignedInBrowserAsync(World.LilleMemberEmail);
        var page = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/tableau-de-bord"));
        Assert.Contains(budget.Available.ToDisplayString(), page, StringComparison.Ordinal);
        Assert.Contains(Partage.App.Modules.Ledger.ActivityBudget.AvailableMeaning, page, StringComparison.Ordinal);
        Assert.Contains($"Brouillon pour {client.Name} (216,00\u00a0€) à émettre", page, StringComparison.Ordinal);
        Assert.Contains($"Facture {issued.Number} en retard de 40 jours : {client.Name} doit encore 1\u202f200,00\u00a0€", page, StringComparison.Ordinal);

        // In the member's list, its status says how late it is, in red; the credit-free amount still due is shown.
        var list = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/factures"));
        Assert.Contains("<span class=\"badge late\">Envoyée, en retard de 40 jours</span>", list, StringComparison.Ordinal);

        // The same invoice in finance's aged balance, in the 31–60 days band; finance's queues count what waits.
        using var finance = await factory.SignedInBrowserAsync(World.Finance);
        var financePage = System.Net.WebUtility.HtmlDecode(await finance.GetStringAsync("/tableau-de-bord"));
        Assert.Contains("Factures en retard", financePage, StringComparison.Ordinal);
        Assert.Matches("<tr><td>31 à 60 jours</td><td>[1-9][0-9]*</td>", financePage);
        Assert.Contains("à rapprocher", financePage, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"fund-title\">Fonds de garantie</h2>", financePage, StringComparison.Ordinal);
        Assert.Contains("<tr><td>LNA</td>", financePage, StringComparison.Ordinal);
        Assert.Matches("<span class=\"stat\">[0-9]+</span> mois à clôturer", financePage);
        Assert.DoesNotContain("Ce qui vous attend", financePage, StringComparison.Ordinal);
        using var payroll = await factory.SignedInBrowserAsync(World.Payroll);
        Assert.Matches("<span class=\"stat\">[0-9]+</span> DSN à déposer", System.Net.WebUtility.HtmlDecode(await payroll.GetStringAsync("/tableau-de-bord")));
    }

    [Fact]
    public async Task OverdueAges_PutEachUnpaidInvoiceInItsBand_AndAMemberSeesOnlyTheirOwn()
    {
        var world = await OpenAsync(factory);
        var client = await Invoicing.Sales.FrenchClientAsync(factory);
        List<(string Label, int Count)> before;
        using (var early = await factory.ClientForAsync(World.Finance))
        {
            before = await Bands(early);
        }

        var issued = await Invoicing.Sales.IssuedAsync(factory, Invoicing.Sales.Draft(world.ParisActivity, client.Id, ("Stage", "1", "C62", "500", null)) with { PaymentTermsDays = 0 });
        factory.Clock.Advance(TimeSpan.FromDays(95));
        using var financeApi = await factory.ClientForAsync(World.Finance);   // signed in after the 95 days: an access token lasts minutes
        var after = await Bands(financeApi);
        var older = after.Single(b => b.Label == "plus de 90 jours");
        Assert.True(older.Count > before.Single(b => b.Label == "plus de 90 jours").Count, "the invoice issued 95 days ago is in the last band");
        Assert.Contains(after, b => b.Count > 0);
        using var lille = await factory.ClientForAsync(World.LilleMemberEmail);
        var lilleBands = await Bands(lille);
        Assert.True(lilleBands.Sum(b => b.Count) < after.Sum(b => b.Count), "the Lille member does not see the Paris member's overdue invoice");
        Assert.NotNull(issued.Number);
    }

    private static async Task<List<(string Label, int Count)>> Bands(HttpClient api)
    {
        var json = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(api, "/api/v1/invoices/overdue-ages");
        return json.EnumerateArray().Select(b => (b.GetProperty("label").GetString()!, b.GetProperty("count").GetInt32())).ToList();
    }
}
