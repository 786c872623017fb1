using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Features;

/// <summary>The invoice or credit note as Factur-X (PDF/A-3 with its CII XML), printed from its frozen figures.</summary>
public sealed class GetEmployerInvoicePdf(GetEmployerInvoice views, EmployerInvoiceDocuments documents, EmployerAccounts accounts)
{
    public async Task<(string FileName, byte[] Content)> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var invoice = await views.Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        return ($"{(invoice.Kind == EmployerInvoiceKind.CreditNote ? "avoir" : "facture")}-{invoice.Number}.pdf", await documents.FacturXAsync(invoice, (await accounts.EntityAsync(ct)).Id, ct));
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapGet("/{id:guid}/pdf", async (Guid id, GetEmployerInvoicePdf handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.HandleAsync(id, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("EmployerInvoicePdf").WithSummary("La facture en Factur-X (PDF/A-3, XML CII EN 16931)").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
