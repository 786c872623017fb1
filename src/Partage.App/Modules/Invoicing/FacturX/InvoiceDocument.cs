using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.FacturX;

public sealed record DocumentLine(int Position, string Description, decimal Quantity, string Unit, decimal UnitPrice, VatRule Rule, Money Net);

/// <summary>Everything an issued invoice or credit note prints, frozen: what the CII XML and the PDF are written from.</summary>
public sealed record InvoiceDocument(
    InvoiceKind Kind, string Number, DateOnly IssueDate, DateOnly DueDate, DateOnly ServiceFrom, DateOnly ServiceTo, InvoiceParties Parties,
    IReadOnlyList<DocumentLine> Lines, InvoiceTotals Totals, string PaymentReference, string? BuyerReference, string? PurchaseOrder,
    string? CreditedNumber, DateOnly? CreditedIssueDate, InvoicingOptions Options)
{
    /// <summary>The e-reporting treatment note (BAR, BR-FR-20): domestic business, international business, or consumer.</summary>
    public string Treatment => !Parties.BuyerIsBusiness ? "B2C" : Parties.Buyer.Country == "FR" ? "B2B" : "B2BINT";

    public string FileStem => $"{(Kind == InvoiceKind.Invoice ? "facture" : "avoir")}-{Number}";
}

public sealed class InvoiceDocuments(PartageDbContext db, IOptions<InvoicingOptions> options)
{
    /// <summary>The document of an issued invoice the actor may see; null for a draft (a draft has no number and is not a document yet).</summary>
    public async Task<InvoiceDocument?> FindAsync(InvoiceId id, Security.Actor actor, CancellationToken ct = default)
    {
        var invoice = await db.Set<Invoice>().AsNoTracking().Include(i => i.Lines).Visible(actor).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new DomainException(InvoicingErrors.NotFound);
        if (invoice.IsDraft || invoice.PartiesJson is null)
        {
            return null;
        }

        var credited = invoice.CreditedInvoiceId is { } cid
            ? await db.Set<Invoice>().AsNoTracking().Where(i => i.Id == cid).Select(i => new { i.Number, i.IssueDate }).SingleAsync(ct)
            : null;
        var lines = invoice.Lines.OrderBy(l => l.Position)
            .Select(l => new DocumentLine(l.Position, l.Description, l.Quantity, l.Unit, l.UnitPrice, l.Vat, Money.Eur(l.NetCents)))
            .ToList();
        return new InvoiceDocument(
            invoice.Kind, invoice.Number!, invoice.IssueDate!.Value, invoice.DueDate!.Value, invoice.ServiceFrom, invoice.ServiceTo,
            InvoiceParties.FromJson(invoice.PartiesJson), lines, InvoiceCalculator.Totals(lines.Select(l => (l.Net.Cents, l.Rule))),
            invoice.PaymentReference ?? CreditorReference.For(invoice.Number!), invoice.BuyerReference, invoice.PurchaseOrder,
            credited?.Number, credited?.IssueDate, options.Value);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapGet("/{id:guid}/factur-x.xml", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, FacturX.InvoiceDocuments documents, ActorAccessor actors, CancellationToken ct) =>
                await documents.FindAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct) is { } doc
                    ? TypedResults.File(FacturX.CiiWriter.Write(doc), "application/xml", $"{doc.FileStem}.xml")
                    : NotIssued())
            .WithName("GetInvoiceCii").WithSummary("XML CII (Factur-X EN 16931) d'une facture émise").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/xml");
        invoices.MapGet("/{id:guid}/pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, FacturX.InvoiceDocuments documents, ActorAccessor actors, TimeProvider clock, CancellationToken ct) =>
                await documents.FindAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct) is { } doc
                    ? TypedResults.File(FacturX.FacturXPdf.Write(doc), "application/pdf", $"{doc.FileStem}.pdf")
                    : NotIssued())
            .WithName("GetInvoicePdf").WithSummary("Facture Factur-X (PDF/A-3 avec factur-x.xml)").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }

    private static ProblemHttpResult NotIssued() =>
        TypedResults.Problem(statusCode: 409, title: "Un brouillon n'a pas encore de facture électronique.", extensions: new Dictionary<string, object?> { ["code"] = "invoicing.not_issued" });
}
