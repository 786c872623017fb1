using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance;

/// <summary>What a shareholder holds on a day: shares, capital subscribed, capital paid.</summary>
public sealed record Holding(int Shares, long SubscribedCents, long PaidCents)
{
    public static readonly Holding None = new(0, 0, 0);

    public long UnpaidCents => SubscribedCents - PaidCents;
}

/// <summary>A movement to write in the register.</summary>
/// <summary>A movement to write in the register; a deduction withheld by another entity of the group names it (<paramref name="WithheldBy"/>).</summary>
public sealed record MovementRequest(
    ShareMovementKind Kind, DateOnly On, int Shares, long SubscribedCents, long PaidCents, PaymentMeans? Means = null, PayslipId? Payslip = null,
    ShareholderId? Counterpart = null, string? Decision = null, LegalEntityId? WithheldBy = null);

/// <summary>
/// The register's one way in: each movement numbered in the entity's series, sealed, posted to the books as the
/// accounting plan has it, audited, in the caller's transaction. And its one way out: holdings at any date.
/// </summary>
public sealed class ShareRegister(PartageDbContext db, ILedgerApi ledger, ILegalEntitiesApi entities, NumberSeries numbers, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The entity's code, once it is known to keep a register; otherwise a clear refusal.</summary>
    public async Task<string> EntityCodeAsync(LegalEntityId entity, CancellationToken ct)
    {
        var codes = await entities.CodesAsync(ct);
        return codes.TryGetValue(entity, out var code) && Statutes.KeepsRegister(code) ? code : throw new DomainException(GovernanceErrors.NoRegister);
    }

    /// <summary>The entity a code names ("SCIC" when none is given), when it keeps a register; null otherwise.</summary>
    public async Task<(string Code, LegalEntityId? Entity)> FindEntityAsync(string? entityCode, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(entityCode) ? "SCIC" : entityCode.Trim().ToUpperInvariant();
        var found = (await entities.CodesAsync(ct)).Where(e => e.Value == code).Select(e => (LegalEntityId?)e.Key).FirstOrDefault();
        return (code, Statutes.KeepsRegister(code) ? found : null);
    }

    /// <summary>The entity a query names, or a 400 that lists the cooperatives.</summary>
    public async Task<LegalEntityId> EntityAsync(string? entityCode, CancellationToken ct) =>
        (await FindEntityAsync(entityCode, ct)).Entity
        ?? throw new InputValidationException(new Dictionary<string, string[]> { ["entity"] = [UnknownEntity] });

    public static string UnknownEntity => $"Choisissez une coopérative qui tient un registre : {string.Join(", ", Statutes.Entities)}.";

    /// <summary>A shareholder named by their number in the register (what people type; the API also takes ids): the number, when the text is one.</summary>
    public static long? NumberIn(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The shareholder of the entity with that register number, or a 400 that says none has it.</summary>
    public async Task<ShareholderId> ByNumberAsync(LegalEntityId entity, long number, string field, CancellationToken ct) =>
        await db.Set<Shareholder>().Where(s => s.LegalEntityId == entity && s.Number == number).Select(s => (ShareholderId?)s.Id).SingleOrDefaultAsync(ct)
        ?? throw new InputValidationException(new Dictionary<string, string[]> { [field] = [$"Aucun sociétaire n'a le numéro {number}."] });

    public DateOnly Today => ParisTime.DateOf(clock.GetUtcNow());

    /// <summary>
    /// Writes a movement in the register and posts its entry. <paramref name="posted"/> false only for a register taken
    /// over from before Partage (the demo's history): its capital reaches the books by one opening entry instead.
    /// </summary>
    public async Task<ShareMovement> RecordAsync(Shareholder holder, MovementRequest request, Actor actor, CancellationToken ct, bool posted = true)
    {
        var code = await EntityCodeAsync(holder.LegalEntityId, ct);
        var number = $"PS-{code}-{await numbers.NextAsync($"shares:{code}", ct):D6}";
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = posted ? await PostAsync(holder, id, number, request, actor, ct) : null;
        var seal = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|',
            number, holder.Id, request.Kind, request.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), request.Shares, request.SubscribedCents, request.PaidCents,
            request.Means, request.Payslip, request.Counterpart, request.Decision, actor.Name, now.ToString("O", CultureInfo.InvariantCulture)))));
        var movement = new ShareMovement
        {
            Id = id, LegalEntityId = holder.LegalEntityId, Number = number, ShareholderId = holder.Id, Kind = request.Kind, On = request.On, Shares = request.Shares,
            SubscribedCents = request.SubscribedCents, PaidCents = request.PaidCents, Means = request.Means, PayslipId = request.Payslip, CounterpartId = request.Counterpart,
            Decision = request.Decision, RecordedBy = actor.Name, RecordedAt = now, EntryId = entry, Seal = seal,
        };
        db.Add(movement);
        holder.Touch();   // two movements of one holder at the same moment: the second fails whole (409)
        audit.Record(actor, $"governance.shares_{request.Kind.ToString().ToLowerInvariant()}", "share_movement", id.ToString(), null,
            new { number, Shareholder = holder.Id.ToString(), request.Shares, request.SubscribedCents, request.PaidCents, request.Means, request.Decision });
        return movement;
    }

    /// <summary>Every shareholder's holding on <paramref name="day"/> (those listed, or all of the entity), from their movements up to it.</summary>
    public async Task<Dictionary<ShareholderId, Holding>> HoldingsAsync(LegalEntityId entity, DateOnly day, IReadOnlyCollection<ShareholderId>? only, CancellationToken ct)
    {
        var query = db.Set<ShareMovement>().AsNoTracking().Where(m => m.LegalEntityId == entity && m.On <= day);
        if (only is not null)
        {
            query = query.Where(m => only.Contains(m.ShareholderId));
        }

        var rows = await query.GroupBy(m => m.ShareholderId)
            .Select(g => new { g.Key, Shares = g.Sum(m => m.Shares), Subscribed = g.Sum(m => m.SubscribedCents), Paid = g.Sum(m => m.PaidCents) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new Holding(r.Shares, r.Subscribed, r.Paid));
    }

    public async Task<Holding> HoldingAsync(Shareholder holder, DateOnly day, CancellationToken ct) =>
        (await HoldingsAsync(holder.LegalEntityId, day, [holder.Id], ct)).GetValueOrDefault(holder.Id) ?? Holding.None;

    /// <summary>The nominal value of a share in the entity on a day (the statutes').</summary>
    public async Task<long> NominalCentsAsync(LegalEntityId entity, DateOnly day, CancellationToken ct) =>
        Statutes.Number(await EntityCodeAsync(entity, ct), Statutes.SharesNominal, day);

    /// <summary>
    /// The entry of a movement (PCG): a subscription debits 109 (subscribed, not called) against 1011; a payment
    /// settles 109 from the bank (512) or the net wage due (421, a deduction) and moves the capital from 1011 to 1013
    /// (called and paid); a redemption owes the paid part to the former shareholder (1013 → 4567) and cancels the
    /// unpaid part (1011 → 109). A transfer changes hands, not capital: no entry.
    /// </summary>
    private async Task<EntryId?> PostAsync(Shareholder holder, Guid id, string number, MovementRequest r, Actor actor, CancellationToken ct)
    {
        var who = $"{holder.Name} (sociétaire {holder.Number})";
        var deduction = r.Means == PaymentMeans.PayrollDeduction;
        // Withheld from the cooperative's own payslip: from the net wage due (421); by another entity of the group: owed by it (451).
        var from = !deduction ? ChartOfAccounts.Bank : r.WithheldBy is { } other && other != holder.LegalEntityId ? ChartOfAccounts.Group : "421";
        (string Account, Side Side, long Cents, string Label)[] planned = r.Kind switch
        {
            ShareMovementKind.Subscription => [("109", Side.Debit, r.SubscribedCents, who), ("1011", Side.Credit, r.SubscribedCents, "Capital souscrit")],
            ShareMovementKind.Payment =>
            [
                (from, Side.Debit, r.PaidCents, deduction ? $"Retenue sur salaire — {who}" : who), ("109", Side.Credit, r.PaidCents, who),
                ("1011", Side.Debit, r.PaidCents, "Capital libéré"), ("1013", Side.Credit, r.PaidCents, "Capital libéré"),
            ],
            ShareMovementKind.Redemption =>
            [
                ("1013", Side.Debit, -r.PaidCents, "Capital remboursé"), ("4567", Side.Credit, -r.PaidCents, $"À rembourser — {who}"),
                ("1011", Side.Debit, r.PaidCents - r.SubscribedCents, "Souscription annulée"), ("109", Side.Credit, r.PaidCents - r.SubscribedCents, who),
            ],
            _ => [],
        };
        var lines = new List<PostingLine>();
        foreach (var (account, side, cents, label) in planned.Where(l => l.Cents > 0))
        {
            lines.Add(new PostingLine(await ledger.AccountAsync(holder.LegalEntityId, account, ct), side, Money.Eur(cents), null, label));
        }

        if (lines.Count == 0)
        {
            return null;
        }

        var journal = r.Kind == ShareMovementKind.Payment && r.Means == PaymentMeans.Bank ? "BQ" : "OD";
        var entry = await ledger.PostAsync(new PostEntryRequest(holder.LegalEntityId, journal, r.On, $"Parts sociales {number} — {who}", "share_movement", id.ToString(), $"share-movement:{id}", lines, number), actor, ct);
        return entry.Id;
    }
}
