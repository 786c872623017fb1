using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Clients.Features;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Clients;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Invoicing;

/// <summary>Clients and invoices for the invoicing tests, through the module's own services.</summary>
public static class Sales
{
    public static Task<ClientView> FrenchClientAsync(PartageFactory factory) => ClientAsync(factory, ClientTests.FrenchCompany(TestIdentifiers.Siren()));

    /// <summary>A client created by the system, in the directories of the world's two members (who work for it in the tests).</summary>
    public static async Task<ClientView> ClientAsync(PartageFactory factory, ClientInput input)
    {
        var world = await World.OfAsync(factory);
        return await factory.InScopeAsync(async s =>
        {
            var client = await s.GetRequiredService<CreateClient>().HandleAsync(input, Actor.System);
            var directory = s.GetRequiredService<IClientsApi>();
            await directory.LinkMemberAsync(client.Id, world.LilleMember);
            await directory.LinkMemberAsync(client.Id, world.ParisMember);
            return client;
        });
    }

    public static DraftInput Draft(ActivityId activity, ClientId client, params (string Description, string Quantity, string Unit, string Price, string? Vat)[] lines) =>
        new(activity.ToString(), client.ToString(), "2026-11-02", "2026-11-20", "DOSSIER-42", "BC-2026-118", 30,
            lines.Select(l => new InvoiceLineInput(l.Description, l.Quantity, l.Unit, l.Price, l.Vat)).ToList());

    public static Task<InvoiceView> DraftAsync(PartageFactory factory, DraftInput input, Actor? actor = null) =>
        factory.InScopeAsync(s => s.GetRequiredService<CreateInvoiceDraft>().HandleAsync(input, actor ?? Actor.System));

    public static Task<InvoiceView> IssueAsync(PartageFactory factory, InvoiceId id, Actor? actor = null) =>
        factory.InScopeAsync(s => s.GetRequiredService<IssueInvoice>().HandleAsync(id, actor ?? Actor.System));

    public static async Task<InvoiceView> IssuedAsync(PartageFactory factory, DraftInput input) =>
        await IssueAsync(factory, (await DraftAsync(factory, input)).Id);

    /// <summary>A one-line quote written and e-mailed by the system, with the token of its answer link.</summary>
    public static async Task<(QuoteView Quote, string Token)> SentQuoteAsync(PartageFactory factory, ActivityId activity, ClientId client, string price, string validUntil)
    {
        var quote = await factory.InScopeAsync(s => s.GetRequiredService<CreateQuote>().HandleAsync(
            new QuoteInput(Draft(activity, client, ("Atelier", "1", "C62", price, null)), validUntil), Actor.System));
        var link = await factory.InScopeAsync(s => s.GetRequiredService<SendQuote>().HandleAsync(quote.Id, Actor.System));
        return (quote, link[(link.LastIndexOf('/') + 1)..]);
    }
}
