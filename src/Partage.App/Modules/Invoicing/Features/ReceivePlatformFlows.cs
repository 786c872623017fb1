using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>What a round of receiving did.</summary>
public sealed record PlatformReceipt(int Statuses, int SupplierInvoices, int Rejected, bool Configured = true)
{
    public string Summary => Configured
        ? $"{Statuses} statuts de factures reçus, {SupplierInvoices} factures de fournisseurs reçues, {Rejected} messages rejetés."
        : "Aucune plateforme agréée configurée : renseignez EInvoicing:PlatformUrl (voir le README).";
}

/// <summary>
/// Reads what the platform delivers to the entities. The statuses the platform and the clients give the
/// entities' invoices (CDAR flows of type CustomerInvoiceLC): each status added to the invoice's life; a
/// refusal, a rejection, a dispute or a suspension reaches the member and the office's managers, and a
/// refusal, dispute or suspension pauses its dunning (a dispute recorded, closed by finance or the manager
/// as any other). The suppliers' invoices (SupplierInvoice): handed to the Purchases module's inbox, which
/// reads, checks and queues them for approval — or refuses them whole, and the refusal (210) goes back to the
/// supplier. Each flow once (its id is the tracking id of an incoming row, unique per entity); a flow that
/// cannot be read or matched is kept as rejected, with why. Polled every fifteen minutes and by
/// `partage einvoicing receive`; the platform's webhook reads one flow at once.
/// </summary>
public sealed class ReceivePlatformFlows(
    PartageDbContext db, IEInvoicingPlatform platform, ILegalEntitiesApi entities, INotificationsApi notifications, ISupplierInvoiceInbox inbox, PlatformQueue queue,
    IAuditLog audit, IOptions<EInvoicingOptions> options, TimeProvider clock)
{
    public const string SupplierInvoiceType = "SupplierInvoice";

    public static readonly string[] FlowTypes = ["CustomerInvoiceLC", SupplierInvoiceType];

    public async Task<PlatformReceipt> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        if (!options.Value.Enabled)
        {
            return new PlatformReceipt(0, 0, 0, Configured: false);
        }

        var receipt = new PlatformReceipt(0, 0, 0);
        foreach (var entity in await entities.ListAsync(ct))
        {
            var account = new PlatformAccount(entity.Code, entity.Siren);
            var since = await db.Set<PlatformFlow>().Where(f => f.LegalEntityId == entity.Id && f.Direction == FlowDirection.In).MaxAsync(f => f.PlatformUpdatedAt, ct)
                ?? clock.GetUtcNow().UtcDateTime.AddDays(-30);
            foreach (var info in await platform.SearchIncomingAsync(account, FlowTypes, new DateTimeOffset(since, TimeSpan.Zero), ct))
            {
                var read = await ReadAsync(entity, account, info, actor, ct);
                receipt = new PlatformReceipt(receipt.Statuses + read.Statuses, receipt.SupplierInvoices + read.SupplierInvoices, receipt.Rejected + read.Rejected);
            }
        }

        return receipt;
    }

    /// <summary>One incoming flow, once: its statuses recorded, or the supplier's invoice taken; or the flow kept as rejected.</summary>
    public async Task<PlatformReceipt> ReadAsync(LegalEntityView entity, PlatformAccount account, PlatformFlowInfo info, Actor actor, CancellationToken ct)
    {
        if (!FlowTypes.Contains(info.FlowType) || await db.Set<PlatformFlow>().AnyAsync(f => f.LegalEntityId == entity.Id && f.Direction == FlowDirection.In && f.TrackingId == info.FlowId, ct))
        {
            return new PlatformReceipt(0, 0, 0);
        }

        var supplierInvoice = info.FlowType == SupplierInvoiceType;
        var flow = new PlatformFlow
        {
            LegalEntityId = entity.Id, Direction = FlowDirection.In, Kind = supplierInvoice ? PlatformFlowKind.Invoice : PlatformFlowKind.Lifecycle,
            TrackingId = Text.Cut(info.FlowId, 64), PlatformFlowId = Text.Cut(info.FlowId, 64),
            State = PlatformFlowState.Received, QueuedAt = clock.GetUtcNow().UtcDateTime, DoneAt = clock.GetUtcNow().UtcDateTime, PlatformUpdatedAt = info.UpdatedAt.UtcDateTime,
        };
        db.Add(flow);
        var recorded = 0;
        try
        {
            var content = await platform.DownloadAsync(account, info.FlowId, ct);
            if (supplierInvoice)
            {
                await TakeSupplierInvoiceAsync(entity, flow, content, actor, ct);
            }
            else
            {
                foreach (var status in Cdar.Read(content))
                {
                    await RecordAsync(entity.Id, flow, status, actor, ct);
                    recorded++;
                }
            }
        }
        catch (FormatException e)
        {
            Reject(flow, e.Message, actor);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Read at the same moment by another server (or the webhook): its copy stands, this one is dropped whole.
            db.ChangeTracker.Clear();
            return new PlatformReceipt(0, 0, 0);
        }

        var rejected = flow.State == PlatformFlowState.Rejected;
        return new PlatformReceipt(rejected ? 0 : recorded, !rejected && supplierInvoice ? 1 : 0, rejected ? 1 : 0);
    }

    /// <summary>A supplier's invoice into the approval queue; refused whole, it is kept as rejected and the refusal goes back to the supplier.</summary>
    private async Task TakeSupplierInvoiceAsync(LegalEntityView entity, PlatformFlow flow, byte[] content, Actor actor, CancellationToken ct)
    {
        var answer = await inbox.ReceiveAsync(new InboundSupplierInvoice(entity.Id, flow.TrackingId, content), actor, ct);
        if (answer.Accepted)
        {
            return;
        }

        Reject(flow, answer.Reason!.Text, actor);
        if (answer.Invoice is { } invoice)
        {
            await queue.QueueBuyerStatusAsync(entity, invoice, LifecycleStatuses.Refused, answer.Reason, ct);
        }
    }

    private void Reject(PlatformFlow flow, string reason, Actor actor)
    {
        flow.State = PlatformFlowState.Rejected;
        flow.LastError = Text.Cut(reason, 1000);
        audit.Record(actor, "einvoicing.rejected", "platform_flow", flow.TrackingId, null, new { flow.LastError });
    }

    private async Task RecordAsync(LegalEntityId entity, PlatformFlow flow, CdarStatus status, Actor actor, CancellationToken ct)
    {
        var invoice = await db.Set<Invoice>().SingleOrDefaultAsync(i => i.LegalEntityId == entity && i.Number == status.InvoiceNumber, ct)
            ?? throw new FormatException($"Le statut vise la facture {status.InvoiceNumber}, que l'entité n'a pas émise.");
        if (!LifecycleStatuses.IsKnown(status.Code))
        {
            throw new FormatException($"Le statut {status.Code} de la facture {status.InvoiceNumber} n'est pas un statut du cycle de vie (200 à 213).");
        }

        flow.InvoiceId = invoice.Id;
        var reason = status.Reason is null && status.ReasonCode is null ? null : Text.Cut(string.Join(" — ", new[] { status.ReasonCode, status.Reason }.Where(r => r is not null)), 500);
        var at = status.At == DateTimeOffset.MinValue ? clock.GetUtcNow().UtcDateTime : status.At.UtcDateTime;
        db.Add(new InvoiceLifecycleEvent { InvoiceId = invoice.Id, Code = status.Code, At = at, Reason = reason, Source = status.SenderRole == "BY" ? "client" : "plateforme", FlowId = flow.Id });
        audit.Record(actor, "einvoicing.status_received", "invoice", invoice.Id.ToString(), null, new { status.Code, reason, flow.PlatformFlowId });
        if (status.Code is LifecycleStatuses.Disputed or LifecycleStatuses.Suspended or LifecycleStatuses.Refused && invoice.DisputedSince is null)
        {
            // The client contests it: dunning pauses, as for a dispute finance records by hand (and is closed the same way).
            invoice.DisputedSince = ParisTime.DateOf(at);
            invoice.DisputeReason = Text.Cut($"{LifecycleStatuses.Label(status.Code)} par le client sur la plateforme" + (reason is null ? string.Empty : $" : {reason}"), 300);
        }

        if (LifecycleStatuses.NeedsAttention(status.Code))
        {
            var text = $"Facture {invoice.Number} : {LifecycleStatuses.Label(status.Code).ToLowerInvariant()} par le client" + (reason is null ? string.Empty : $" ({reason})");
            await notifications.NotifyMemberAsync(invoice.MemberId, NoticeKind.InvoiceRefused, text, $"/factures/{invoice.Id}", actor, ct);
            await notifications.NotifyManagersAsync(invoice.OfficeId, NoticeKind.InvoiceRefused, text, $"/factures/{invoice.Id}", actor, ct);
        }
    }

    public static void Map(RouteGroupBuilder finance)
    {
        finance.MapPost("/einvoicing/receive", async (ReceivePlatformFlows handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(await actors.GetAsync(ct), ct))
            .WithTags("Facturation électronique").WithName("ReceivePlatformFlows")
            .WithSummary("Lire sur la plateforme agréée les statuts donnés aux factures (finance)").ProducesProblems();
    }
}
