using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Invoicing.FacturX;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>What a round of sending did, in words for the log and the command line.</summary>
public sealed record PlatformRound(int Submitted, int Retrying, int Failed, bool Configured = true)
{
    public string Summary => Configured
        ? $"{Submitted} flux déposés sur la plateforme, {Retrying} à retenter, {Failed} en échec."
        : "Aucune plateforme agréée configurée : renseignez EInvoicing:PlatformUrl (voir le README).";
}

/// <summary>
/// Hands the queued flows to the accredited platform: an invoice's Factur-X once its client is found
/// in the directory, a status "encaissée" as a CDAR message. Each flow is claimed before it goes
/// (its version moves: a second server skips it), so a flow goes out once; a passing failure is
/// tried again later (5, 10, 20… minutes, up to EInvoicing:MaxAttempts), a refusal stops it with the
/// platform's reason for finance to read. Scheduled every five minutes, and `partage einvoicing send`.
/// </summary>
public sealed class SendPlatformFlows(
    PartageDbContext db, IEInvoicingPlatform platform, InvoiceDocuments documents, ILegalEntitiesApi entities, BuildEReport reports, IAuditLog audit,
    IOptions<EInvoicingOptions> options, TimeProvider clock)
{
    public async Task<PlatformRound> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        if (!options.Value.Enabled)
        {
            return new PlatformRound(0, 0, 0, Configured: false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<PlatformFlow>()
            .Where(f => f.Direction == FlowDirection.Out && f.State == PlatformFlowState.Queued && f.NextAttemptAt <= now)
            .OrderBy(f => f.QueuedAt).Take(200).ToListAsync(ct);
        var known = (await entities.ListAsync(ct)).ToDictionary(e => e.Id);
        int submitted = 0, retrying = 0, failed = 0;
        foreach (var flow in due)
        {
            if (!await ClaimAsync(flow, ct))
            {
                continue;
            }

            var state = await SendAsync(flow, known[flow.LegalEntityId], actor, ct);
            submitted += state == PlatformFlowState.Submitted ? 1 : 0;
            retrying += state == PlatformFlowState.Queued ? 1 : 0;
            failed += state == PlatformFlowState.Failed ? 1 : 0;
        }

        return new PlatformRound(submitted, retrying, failed);
    }

    /// <summary>Takes the flow for this round: one more attempt, not due again for a while. False when another server took it first.</summary>
    private async Task<bool> ClaimAsync(PlatformFlow flow, CancellationToken ct)
    {
        flow.Attempts++;
        flow.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddMinutes(15);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DomainException e) when (e.Error == ConcurrencyErrors.Modified)
        {
            // The context turns a lost row-version race into this error: another server claimed the flow first.
            db.Entry(flow).State = EntityState.Detached;
            return false;
        }
    }

    private async Task<PlatformFlowState> SendAsync(PlatformFlow flow, LegalEntityView entity, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var account = new PlatformAccount(entity.Code, entity.Siren);
        try
        {
            var submission = flow.Kind switch
            {
                PlatformFlowKind.Invoice => await InvoiceFileAsync(flow, account, ct),
                PlatformFlowKind.Lifecycle => await StatusFileAsync(flow, ct),
                _ => await ReportFileAsync(flow, entity, ct),
            };
            flow.PlatformFlowId = await platform.SubmitAsync(account, submission, ct);
            flow.State = PlatformFlowState.Submitted;
            flow.DoneAt = now;
            flow.LastError = null;
            if (flow.InvoiceId is { } invoice)
            {
                var (code, source) = flow.Kind == PlatformFlowKind.Invoice ? (LifecycleStatuses.Deposited, "plateforme") : (flow.StatusCode!.Value, "Partage");
                db.Add(new InvoiceLifecycleEvent { InvoiceId = invoice, Code = code, At = now, Source = source, FlowId = flow.Id });
            }

            audit.Record(actor, "einvoicing.submitted", flow.InvoiceId is null ? "platform_flow" : "invoice", flow.InvoiceId?.ToString() ?? flow.Id.ToString(), null,
                new { flow.TrackingId, flow.PlatformFlowId, flow.Kind });
        }
        catch (PlatformException e)
        {
            flow.LastError = Text.Cut(e.Message, 1000);
            var giveUp = !e.Passing || flow.Attempts >= options.Value.MaxAttempts;
            flow.State = giveUp ? PlatformFlowState.Failed : PlatformFlowState.Queued;
            // Passing failures wait longer each time: 5, 10, 20 … minutes, at most a day.
            flow.NextAttemptAt = giveUp ? null : now.AddMinutes(Math.Min(5 * Math.Pow(2, flow.Attempts - 1), 1440));
            audit.Record(actor, "einvoicing.failed", "invoice", flow.InvoiceId?.ToString() ?? flow.Id.ToString(), null, new { flow.TrackingId, flow.LastError, flow.State });
        }

        await db.SaveChangesAsync(ct);
        return flow.State;
    }

    /// <summary>The invoice's Factur-X (EN 16931), once the directory says where its client receives.</summary>
    private async Task<FlowSubmission> InvoiceFileAsync(PlatformFlow flow, PlatformAccount account, CancellationToken ct)
    {
        var document = await documents.FindAsync(flow.InvoiceId!.Value, Actor.System, ct) ?? throw new InvalidOperationException("A queued invoice without its document.");
        var siren = document.Parties.Buyer.Siren!;
        flow.RecipientAddress = await platform.FindRecipientAsync(account, siren, ct)
            ?? throw new PlatformException($"Le client (SIREN {siren}) n'a pas d'adresse de réception active dans l'annuaire : vérifiez son SIREN, ou envoyez la facture par e-mail.", passing: false);
        return new FlowSubmission($"{document.FileStem}.pdf", "Factur-X", "CIUS", "B2B", flow.TrackingId, FacturXPdf.Write(document), "application/pdf");
    }

    /// <summary>
    /// The status "encaissée" of one payment: its amount split over the invoice's VAT rates in the proportions of their
    /// totals; or a buyer's status on a supplier's invoice, sent as written.
    /// </summary>
    private async Task<FlowSubmission> StatusFileAsync(PlatformFlow flow, CancellationToken ct)
    {
        if (flow.Content is { } written)
        {
            // A status the entity gives as buyer of a supplier's invoice: written when queued.
            return new FlowSubmission($"{flow.TrackingId.Replace('/', '-')}.xml", "CDAR", "CIUS", "B2B", flow.TrackingId, written, "application/xml");
        }

        var document = await documents.FindAsync(flow.InvoiceId!.Value, Actor.System, ct) ?? throw new InvalidOperationException("A status without its invoice.");
        var invoiceFlow = await db.Set<PlatformFlow>().AsNoTracking()
            .SingleAsync(f => f.InvoiceId == flow.InvoiceId && f.Direction == FlowDirection.Out && f.Kind == PlatformFlowKind.Invoice, ct);
        var rates = document.Totals.Breakdown;
        var shares = Money.Eur(flow.AmountCents!.Value).Allocate([.. rates.Select(r => (decimal)(r.Basis + r.Vat).Cents)]);
        var collected = rates.Select((r, i) => new CollectedAmount(shares[i], r.RatePercent)).ToList();
        var at = new DateTimeOffset(flow.StatusDate!.Value.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var status = new CdarStatus(document.Number, document.IssueDate, flow.StatusCode!.Value, at, document.Parties.Seller.Siren, null, null, "SE", collected);
        var parties = new CdarParties(document.Parties.Seller.Siren!, document.Parties.Seller.Name, document.Parties.Buyer.Siren!, document.Parties.Buyer.Name,
            invoiceFlow.RecipientAddress ?? document.Parties.Buyer.Siren!);
        var messageId = flow.TrackingId.Replace('/', '-');
        return new FlowSubmission($"{messageId}.xml", "CDAR", "CIUS", "B2B", flow.TrackingId, Cdar.Write(status, parties, messageId), "application/xml");
    }

    /// <summary>A month's e-reporting file, rebuilt from the books as they stand (transactions "T", payments "P").</summary>
    private async Task<FlowSubmission> ReportFileAsync(PlatformFlow flow, LegalEntityView entity, CancellationToken ct)
    {
        var files = await reports.BuildAsync(entity, PayPeriod.Containing(flow.StatusDate!.Value), ct);
        return flow.TrackingId.EndsWith("-T", StringComparison.Ordinal)
            ? new FlowSubmission(files.TransactionsName, "FRR", "Basic", files.Days > 0 ? "B2C" : "B2BInt", flow.TrackingId, files.TransactionsFile, "application/xml")
            : new FlowSubmission(files.PaymentsName, "FRR", "Basic", "B2C", flow.TrackingId, files.PaymentsFile, "application/xml");
    }

    public static void Map(RouteGroupBuilder finance)
    {
        finance.MapPost("/einvoicing/send", async (SendPlatformFlows handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(await actors.GetAsync(ct), ct))
            .WithTags("Facturation électronique").WithName("SendPlatformFlows")
            .WithSummary("Déposer sur la plateforme agréée les factures et statuts en attente (finance)").ProducesProblems();
    }
}
