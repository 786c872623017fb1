using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Invoicing.BankStatementTests;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Invoicing;

/// <summary>Receipts waiting on the suspense account: the invoices they most likely pay suggested, confirmed in one click; the statements' history; on SQLite and PostgreSQL.</summary>
public abstract class BankSuggestionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [Fact]
    public async Task Suggestions_SameAmountAndName_OrNumberCited_NothingForAStranger_ThenOneClick()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var first = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "731.17", null)));
        var second = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "212.34", null)));
        var statement = $"S-{Guid.NewGuid():N}"[..20];
        await ImportAsync(factory, Camt("02", statement,
            new Credit(first.Totals.Gross.Amount, Text: "Virement", Debtor: client.Name.ToUpperInvariant() + " SARL"),
            new Credit(50m, Text: $"Acompte facture {second.Number!.Replace("-", " ", StringComparison.Ordinal)}", Debtor: "Mairie"),
            new Credit(7.77m, Text: "Don", Debtor: "Inconnu")));
        var finance = await factory.ActorAsync(World.Finance);
        var waiting = (await factory.InScopeAsync(s => s.GetRequiredService<ListUnmatchedBankLines>().HandleAsync(new PageRequest(1, 200), finance)))
            .Items.Where(l => l.BankReference.StartsWith(statement, StringComparison.Ordinal)).OrderBy(l => l.BankReference, StringComparer.Ordinal).ToList();
        Assert.Equal(3, waiting.Count);
        var suggestions = await factory.InScopeAsync(s => s.GetRequiredService<SuggestBankMatches>().HandleAsync(waiting, finance));

        var byAmount = suggestions[waiting[0].Id][0];
        Assert.Equal(first.Number, byAmount.InvoiceNumber);
        Assert.Equal(["même montant que le reste dû", "nom du payeur proche de celui du client"], byAmount.Reasons);
        var byNumber = Assert.Single(suggestions[waiting[1].Id], s => s.InvoiceNumber == second.Number);
        Assert.Equal(["numéro de facture cité dans le virement"], byNumber.Reasons);
        Assert.Empty(suggestions[waiting[2].Id]);
        Assert.All(suggestions.Values, list => Assert.True(list.Count <= SuggestBankMatches.PerLine));

        var member = await factory.ActorAsync(World.LilleMemberEmail);
        Assert.Equal(InvoicingErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<SuggestBankMatches>().ForLineAsync(waiting[0].Id, member)))).Error);

        // One click: the suggested number, no amount (all that can be matched).
        Assert.Null(await factory.InScopeAsync(s => s.GetRequiredService<MatchBankLine>().HandleAsync(waiting[0].Id, new MatchInput(byAmount.InvoiceNumber, null), finance)));
        Assert.Equal(InvoiceStatus.Paid, (await factory.InScopeAsync(s => s.GetRequiredService<GetInvoice>().HandleAsync(first.Id, Actor.System))).Status);
        Assert.Equal(InvoicingErrors.LineNotFound, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<SuggestBankMatches>().ForLineAsync(waiting[0].Id, finance)))).Error);

        var history = await factory.InScopeAsync(s => s.GetRequiredService<ListBankStatements>().HandleAsync(new PageRequest(1, 200), finance));
        var imported = Assert.Single(history.Items, h => h.StatementId == statement);
        Assert.Equal((3, 1, 0, 2), (imported.Receipts, imported.Matched, imported.PartlyMatched, imported.Waiting));
        Assert.Equal(Money.Eur(5_777), imported.StillWaiting);
        var detail = await factory.InScopeAsync(s => s.GetRequiredService<ListBankStatements>().DetailAsync(imported.Id, finance));
        Assert.Equal([BankLineStatus.Matched, BankLineStatus.Unmatched, BankLineStatus.Unmatched], detail.Lines.Select(l => l.Status));
    }

    [Theory]
    [InlineData("THEATRE DU NORD SARL", "Théâtre du Nord", 1.0)]
    [InlineData("Mme Hélène Lefèvre", "Hélène Lefèvre", 1.0)]
    [InlineData("Théâtre du Sud", "Théâtre du Nord", 1.0 / 3)]
    [InlineData("", "Théâtre du Nord", 0.0)]
    [InlineData("SA", "SARL", 0.0)]
    public void NameLikeness_AccentsCaseAndLegalFormsAside(string payer, string client, double expected) =>
        Assert.Equal(expected, SuggestBankMatches.NameLikeness(payer, client), 3);
}

public sealed class SqliteBankSuggestionTests(PartageFactory factory) : BankSuggestionTests<PartageFactory>(factory);

public sealed class PostgresBankSuggestionTests(PostgresFactory factory) : BankSuggestionTests<PostgresFactory>(factory);

/// <summary>The bank page without JavaScript: suggestions as buttons, the statements' history and a statement's page.</summary>
public sealed class BankPageTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task BankPage_SuggestsInOneClick_ListsStatements_ShowsOne()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var invoice = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "613.29", null)));
        var statement = $"P-{Guid.NewGuid():N}"[..20];
        await ImportAsync(factory, Camt("02", statement, new Credit(invoice.Totals.Gross.Amount, Text: "Virement", Debtor: client.Name)));

        using var browser = await factory.SignedInBrowserAsync(World.Finance);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/banque"));
        Assert.Contains($"Affecter à {invoice.Number}", page, StringComparison.Ordinal);
        Assert.Contains($">{statement}</a>", page, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(page, $"<a href=\"(/banque/releves/[0-9a-f-]+)\">{statement}</a>").Groups[1].Value;
        var detail = WebUtility.HtmlDecode(await browser.GetStringAsync(link));
        Assert.Contains("À identifier", detail, StringComparison.Ordinal);
        Assert.Contains(invoice.Totals.Gross.ToDisplayString(), detail, StringComparison.Ordinal);

        using var member = await factory.SignedInBrowserAsync(World.LilleMemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(link)).StatusCode);
    }
}
