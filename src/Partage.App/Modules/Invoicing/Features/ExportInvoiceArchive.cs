using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Modules.Invoicing.FacturX;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>The legal archive: the Factur-X PDF of every invoice and credit note an entity issued over a period.</summary>
public sealed class ExportInvoiceArchive(PartageDbContext db, InvoiceDocuments documents, ILegalEntitiesApi entities)
{
    public async Task<IReadOnlyList<string>> HandleAsync(string? entityCode, string? from, string? to, string folder, Actor actor, CancellationToken ct = default)
    {
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var v = new Validation();
        var entity = await EntityInput.FindAsync(entities, entityCode, v, ct);

        var start = v.Date("From", "La date de début", from, required: true);
        var end = v.Date("To", "La date de fin", to, required: true);
        if (start > end)
        {
            v.Add("To", "La date de fin précède la date de début.");
        }

        v.ThrowIfInvalid();
        Directory.CreateDirectory(folder);
        var ids = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.LegalEntityId == entity!.Id && i.IssueDate >= start && i.IssueDate <= end && i.Number != null)
            .OrderBy(i => i.Number).Select(i => i.Id).ToListAsync(ct);
        var written = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            var document = await documents.FindAsync(id, actor, ct) ?? throw new InvalidOperationException("An issued invoice without its document.");
            var path = Path.Combine(folder, $"{document.FileStem}.pdf");
            await File.WriteAllBytesAsync(path, FacturXPdf.Write(document), ct);
            written.Add(path);
        }

        return written;
    }
}
