using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Storage;
using Partage.App.Modules.Activities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases.Features;

/// <summary>One supplier's invoice for whoever may see it (404 otherwise), and its original file, checked against its hash as it is read back.</summary>
public sealed class GetSupplierInvoice(PartageDbContext db, IActivitiesApi activities, IAttachmentStore store)
{
    public async Task<SupplierInvoiceView> HandleAsync(SupplierInvoiceId id, Actor actor, CancellationToken ct = default)
    {
        var invoice = await db.Set<SupplierInvoice>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(PurchasesErrors.NotFound);
        return (await SupplierInvoiceView.ManyAsync([invoice], activities, ct))[0];
    }

    public async Task<(string FileName, string ContentType, byte[] Content)> FileAsync(SupplierInvoiceId id, Actor actor, CancellationToken ct = default)
    {
        var invoice = await db.Set<SupplierInvoice>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(PurchasesErrors.NotFound);
        var content = await store.GetAsync(invoice.FileHash, ct);
        if (content is null || Attachments.Hash(content) != invoice.FileHash)
        {
            // The store lost or altered the file: say so rather than hand over something else.
            throw new InvalidOperationException($"The file {invoice.FileHash} of supplier invoice {invoice.Id} is missing or altered in the attachment store.");
        }

        return (invoice.FileName, invoice.FileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/xml", content);
    }

    public static void Map(RouteGroupBuilder purchases)
    {
        purchases.MapGet("/supplier-invoices/{id:guid}", async Task<Ok<SupplierInvoiceView>> (Guid id, GetSupplierInvoice handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(SupplierInvoiceId.From(id), await actors.GetAsync(ct), ct)))
            .WithName("GetSupplierInvoice").WithSummary("Une facture de fournisseur").ProducesProblems();
        purchases.MapGet("/supplier-invoices/{id:guid}/file", async Task<FileContentHttpResult> (Guid id, GetSupplierInvoice handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, type, content) = await handler.FileAsync(SupplierInvoiceId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.File(content, type, name);
            })
            .WithName("GetSupplierInvoiceFile").WithSummary("Le fichier original de la facture (Factur-X, CII ou UBL)").ProducesProblems()
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
