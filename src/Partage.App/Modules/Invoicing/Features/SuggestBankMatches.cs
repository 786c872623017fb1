using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>An invoice a waiting receipt may pay, with why it is suggested (the reasons in words) and how strongly.</summary>
public sealed record MatchSuggestion(string InvoiceNumber, string Debtor, Money Remaining, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Suggests, for receipts waiting on the suspense account, the open invoices of the same entity they most likely pay: the same
/// amount as what remains due, the invoice's number or payment reference written in the transfer, the payer's name close to the
/// client's. Finance confirms a suggestion in one click (<see cref="MatchBankLine"/>); nothing is matched without them.
/// </summary>
public sealed class SuggestBankMatches(PartageDbContext db, IReceivableSource receivables, ILegalEntitiesApi entities, ListUnmatchedBankLines waiting)
{
    public const int PerLine = 3;

    /// <summary>Below it a candidate is noise: a name alone, loosely close, is not a suggestion.</summary>
    private const int Threshold = 40;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<MatchSuggestion>>> HandleAsync(IReadOnlyList<UnmatchedLine> lines, Actor actor, CancellationToken ct = default)
    {
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var ids = (await entities.CodesAsync(ct)).ToDictionary(c => c.Value, c => c.Key);
        var result = new Dictionary<Guid, IReadOnlyList<MatchSuggestion>>();
        foreach (var group in lines.GroupBy(l => l.Entity))
        {
            var candidates = await CandidatesAsync(ids[group.Key], ct);
            foreach (var line in group)
            {
                result[line.Id] = candidates.Select(c => Score(line, c)).Where(s => s.Score >= Threshold)
                    .OrderByDescending(s => s.Score).ThenBy(s => Math.Abs(s.Remaining.Cents - line.Unmatched.Cents)).ThenBy(s => s.InvoiceNumber, StringComparer.Ordinal)
                    .Take(PerLine).ToList();
            }
        }

        return result;
    }

    /// <summary>The suggestions for one waiting receipt (404 once it is matched, or for anyone but finance).</summary>
    public async Task<IReadOnlyList<MatchSuggestion>> ForLineAsync(Guid lineId, Actor actor, CancellationToken ct = default)
    {
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var line = await waiting.FindAsync(lineId, ct) ?? throw new DomainException(InvoicingErrors.LineNotFound);
        return (await HandleAsync([line], actor, ct))[line.Id];
    }

    private sealed record Candidate(string Number, string? PaymentReference, string Debtor, Money Remaining);

    private async Task<IReadOnlyList<Candidate>> CandidatesAsync(LegalEntityId entity, CancellationToken ct)
    {
        var invoices = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.LegalEntityId == entity && i.Kind == InvoiceKind.Invoice && InvoiceStatuses.Payable.Contains(i.Status) && i.Number != null)
            .Select(i => new { i.Number, i.PaymentReference, i.PartiesJson, Remaining = i.GrossCents - i.Payments.Sum(p => p.AmountCents) })
            .ToListAsync(ct);
        var open = invoices.Where(i => i.Remaining > 0)
            .Select(i => new Candidate(i.Number!, i.PaymentReference, i.PartiesJson is { } json ? InvoiceParties.FromJson(json).Buyer.Name : string.Empty, Money.Eur(i.Remaining)));
        var employers = (await receivables.OpenAsync(entity, ct)).Select(r => new Candidate(r.Number, r.PaymentReference, string.Empty, r.Remaining));
        return [.. open, .. employers];
    }

    private static MatchSuggestion Score(UnmatchedLine line, Candidate candidate)
    {
        var score = 0;
        var reasons = new List<string>();
        if (candidate.Remaining == line.Unmatched)
        {
            (score, reasons) = (score + 50, [.. reasons, "même montant que le reste dû"]);
        }

        // Compared on letters and digits only, without case: a bank cuts and re-spaces what the payer typed ("LNA 2026 000042", "rf18 5390…").
        static string Compact(params string?[] parts) => new([.. Text.SearchKey(parts).Where(char.IsLetterOrDigit)]);
        var written = Compact(line.CreditorReference, line.Remittance);
        if (written.Contains(Compact(candidate.Number), StringComparison.Ordinal)
            || (candidate.PaymentReference is { Length: > 0 } reference && written.Contains(Compact(reference), StringComparison.Ordinal)))
        {
            (score, reasons) = (score + 45, [.. reasons, "numéro de facture cité dans le virement"]);
        }

        var likeness = NameLikeness(line.DebtorName, candidate.Debtor);
        if (likeness >= 0.5)
        {
            (score, reasons) = (score + (int)Math.Round(30 * likeness, MidpointRounding.AwayFromZero), [.. reasons, "nom du payeur proche de celui du client"]);
        }

        return new MatchSuggestion(candidate.Number, candidate.Debtor, candidate.Remaining, score, reasons);
    }

    /// <summary>The share of meaningful words the two names have in common (accents, case and legal forms aside): 0 to 1.</summary>
    internal static double NameLikeness(string? payer, string? client)
    {
        static HashSet<string> Words(string? name) =>
            Text.SearchKey(new string((name ?? string.Empty).Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2 && !LegalForms.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var (a, b) = (Words(payer), Words(client));
        return a.Count == 0 || b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / a.Union(b).Count();
    }

    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal) { "sarl", "sas", "sasu", "eurl", "scop", "scic", "association", "asso", "ste", "societe", "les", "des", "mme", "mlle" };

    public static void Map(RouteGroupBuilder statements)
    {
        statements.MapGet("/lines/{id:guid}/suggestions", async (Guid id, SuggestBankMatches handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.ForLineAsync(id, await actors.GetAsync(ct), ct))
            .WithName("SuggestBankMatches").WithSummary("Factures que cet encaissement paie probablement : même montant, numéro cité, nom du payeur (finance)").ProducesProblems();
    }
}
