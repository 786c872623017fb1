using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>The manager's or finance's validation of an invoice above the threshold, which issues it.</summary>
public sealed class ValidateInvoice(InvoiceIssuer issuer)
{
    public async Task<InvoiceView> HandleAsync(InvoiceId id, Actor actor, CancellationToken ct = default)
    {
        var (invoice, activity) = await issuer.LoadAsync(id, actor, ct);
        if (!InvoicingAccess.CanValidate(actor, activity))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        if (invoice.Status != InvoiceStatus.PendingValidation)
        {
            throw new DomainException(InvoicingErrors.NotPending);
        }

        return await issuer.IssueAsync(invoice, actor, ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/validate", async (Guid id, ValidateInvoice handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct))
            .WithName("ValidateInvoice").WithSummary("Valider et émettre une facture en attente (gestionnaire d'activité, finance)").ProducesProblems();
    }
}
