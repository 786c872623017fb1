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
public sealed record PlatformReceipt(int Statuses, int Rejected, bool Configured = true)
{
    public string Summary => Configured
        ? $"{Statuses} statuts de factures reçus, {Rejected} messages rejetés."
        : "Aucune plateforme agréée configurée : renseignez EInvoicing:PlatformUrl (voir le README).";
}

/// <summary>
/// Reads the statuses the platform and the clients give the entities' invoices (CDAR flows of type
/// CustomerInvoiceLC): each flow once (its id is the tracking id of an incoming row, unique per
/// entity), each status added to the invoice's life; a refusal, a rejection, a dispute or a
/// suspension reaches the member and the office's managers, and a refusal, dispute or suspension
/// pauses its dunning (a dispute recorded, closed by finance or the manager as any other). A flow that cannot be read or names an
/// unknown invoice is kept as rejected, with why. Polled every fifteen minutes and by
/// `partage einvoicing receive`; the platform's webhook reads one flow at once.
/// </summary>
public sealed class ReceivePlatformFlows(
    PartageDbContext db, IEInvoicingPlatform platform, ILegalEntitiesApi entities, INotificationsApi notifications, IAuditLog audit,
    IOptions<EInvoicingOptions> options, TimeProvider clock)
{
    public static readonly string[] LifecycleTypes = ["CustomerInvoiceLC"];

    public async Task<PlatformReceipt> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        if (!options.Value.Enabled)
        {
            return new PlatformReceipt(0, 0, Configured: false);
        }

        int statuses = 0, rejected = 0;
        foreach (var entity in await entities.ListAsync(ct))
        {
            var account = new PlatformAccount(entity.Code, entity.Siren);
            var since = await db.Set<PlatformFlow>().Where(f => f.LegalEntityId == entity.Id && f.Direction == FlowDirection.In).MaxAsync(f => f.PlatformUpdatedAt, ct)
                ?? clock.GetUtcNow().UtcDateTime.AddDays(-30);
            foreach (var info in await platform.SearchIncomingAsync(account, LifecycleTypes, new DateTimeOffset(since, TimeSpan.Zero), ct))
            {
                var (read, refused) = await ReadAsync(entity.Id, account, info, actor, ct);
                statuses += read;
                rejected += refused ? 1 : 0;
            }
        }

        return new PlatformReceipt(statuses, rejected);
    }

    /// <summary>One incoming flow, once: its statuses recorded (count), or the flow kept as rejected (true).</summary>
    public async Task<(int Statuses, bool Rejected)> ReadAsync(LegalEntityId entity, PlatformAccount account, PlatformFlowInfo info, Actor actor, CancellationToken ct)
    {
        if (!LifecycleTypes.Contains(info.FlowType) || await db.Set<PlatformFlow>().AnyAsync(f => f.LegalEntityId == entity && f.Direction == FlowDirection.In && f.TrackingId == info.FlowId, ct))
        {
            return (0, false);
        }

        var flow = new PlatformFlow
        {
            LegalEntityId = entity, Direction = FlowDirection.In, Kind = PlatformFlowKind.Lifecycle, TrackingId = Text.Cut(info.FlowId, 64), PlatformFlowId = Text.Cut(info.FlowId, 64),
            State = PlatformFlowState.Received, QueuedAt = clock.GetUtcNow().UtcDateTime, DoneAt = clock.GetUtcNow().UtcDateTime, PlatformUpdatedAt = info.UpdatedAt.UtcDateTime,
        };
        db.Add(flow);
        var recorded = 0;
        try
        {
            foreach (var status in Cdar.Read(await platform.DownloadAsync(account, info.FlowId, ct)))
            {
                await RecordAsync(entity, flow, status, actor, ct);
                recorded++;
            }
        }
        catch (FormatException e)
        {
            flow.State = PlatformFlowState.Rejected;
            flow.LastError = Text.Cut(e.Message, 1000);
            audit.Record(actor, "einvoicing.rejected", "platform_flow", info.FlowId, null, new { flow.LastError });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Read at the same moment by another server (or the webhook): its copy stands, this one is dropped whole.
            db.ChangeTracker.Clear();
            return (0, false);
        }

        return (flow.State == PlatformFlowState.Rejected ? 0 : recorded, flow.State == PlatformFlowState.Rejected);
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
