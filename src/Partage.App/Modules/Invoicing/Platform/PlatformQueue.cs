using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Modules.Clients;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Platform;

/// <summary>
/// What goes on the platform's queue, in the unit of work of the event: an invoice or credit note
/// issued to a French business (the reform's B2B e-invoicing — private persons and foreign clients
/// stay on e-mail and, later, e-reporting), and the status "encaissée" (212) of each payment of an
/// invoice that went through the platform — for services, that status is also the payment e-reporting.
/// </summary>
public sealed class PlatformQueue(PartageDbContext db, IOptions<EInvoicingOptions> options, TimeProvider clock)
{
    public static bool GoesThroughPlatform(ClientView client) => client.Country == "FR" && client.IsBusiness && client.Siren is not null;

    public void QueueInvoice(Invoice invoice, ClientView client)
    {
        if (!options.Value.Enabled || !GoesThroughPlatform(client))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new PlatformFlow
        {
            LegalEntityId = invoice.LegalEntityId, InvoiceId = invoice.Id, Direction = FlowDirection.Out, Kind = PlatformFlowKind.Invoice,
            TrackingId = invoice.Number!, State = PlatformFlowState.Queued, QueuedAt = now, NextAttemptAt = now,
        });
    }

    /// <summary>A credit note follows the channel of the invoice it cancels: through the platform if that invoice went through it.</summary>
    public async Task QueueCreditNoteAsync(Invoice note, InvoiceId credited, CancellationToken ct)
    {
        if (options.Value.Enabled && await SentThroughAsync(credited, ct))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.Add(new PlatformFlow
            {
                LegalEntityId = note.LegalEntityId, InvoiceId = note.Id, Direction = FlowDirection.Out, Kind = PlatformFlowKind.Invoice,
                TrackingId = note.Number!, State = PlatformFlowState.Queued, QueuedAt = now, NextAttemptAt = now,
            });
        }
    }

    public async Task QueueCollectedAsync(Invoice invoice, InvoicePayment payment, CancellationToken ct)
    {
        if (!await SentThroughAsync(invoice.Id, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new PlatformFlow
        {
            LegalEntityId = invoice.LegalEntityId, InvoiceId = invoice.Id, Direction = FlowDirection.Out, Kind = PlatformFlowKind.Lifecycle,
            TrackingId = $"{invoice.Number}/212/{payment.Id.ToString("N")[..12]}", StatusCode = LifecycleStatuses.Collected,
            AmountCents = payment.AmountCents, StatusDate = payment.Date, State = PlatformFlowState.Queued, QueuedAt = now, NextAttemptAt = now,
        });
    }

    /// <summary>
    /// A status the entity gives as buyer of a supplier's invoice, written now as the CDAR file that goes out: it
    /// describes an invoice Partage did not issue, so nothing later could rebuild it. Once per invoice and code.
    /// </summary>
    public async Task QueueBuyerStatusAsync(LegalEntityView entity, SupplierInvoiceReference invoice, int code, BuyerReason? reason, CancellationToken ct)
    {
        var tracking = Text.Cut($"{invoice.SellerSiren}/{invoice.Number}/{code}", 64);
        if (!options.Value.Enabled || await db.Set<PlatformFlow>().AnyAsync(f => f.LegalEntityId == entity.Id && f.Direction == FlowDirection.Out && f.TrackingId == tracking, ct)
            || db.Set<PlatformFlow>().Local.Any(f => f.LegalEntityId == entity.Id && f.Direction == FlowDirection.Out && f.TrackingId == tracking))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var messageId = $"{entity.Code}-{Guid.CreateVersion7():N}";
        var status = new CdarStatus(invoice.Number, invoice.IssueDate, code, now, invoice.SellerSiren, reason?.Code, reason is null ? null : Text.Cut(reason.Text, 400), "BY", []);
        var parties = new CdarParties(invoice.SellerSiren, invoice.SellerName, entity.Siren, entity.Name, invoice.SellerAddress);
        db.Add(new PlatformFlow
        {
            LegalEntityId = entity.Id, Direction = FlowDirection.Out, Kind = PlatformFlowKind.Lifecycle, TrackingId = tracking, StatusCode = code,
            StatusDate = ParisTime.DateOf(now.UtcDateTime), State = PlatformFlowState.Queued, QueuedAt = now.UtcDateTime, NextAttemptAt = now.UtcDateTime,
            Content = Cdar.Write(status, parties, messageId),
        });
    }

    private Task<bool> SentThroughAsync(InvoiceId invoice, CancellationToken ct) => db.Set<PlatformFlow>().AnyAsync(
        f => f.InvoiceId == invoice && f.Direction == FlowDirection.Out && f.Kind == PlatformFlowKind.Invoice && f.State != PlatformFlowState.Failed, ct);
}
