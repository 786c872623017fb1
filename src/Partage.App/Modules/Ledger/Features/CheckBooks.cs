using Microsoft.EntityFrameworkCore;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

public sealed record BookCheck(int Entries, int UnbalancedEntries, int EntriesWithFewerThanTwoLines, long TotalDebitCents, long TotalCreditCents, IReadOnlyList<string> Problems)
{
    public bool IsBalanced => UnbalancedEntries == 0 && EntriesWithFewerThanTwoLines == 0 && TotalDebitCents == TotalCreditCents;
}

public sealed class CheckBooks(PartageDbContext db, LedgerEntities codes)
{
    /// <summary>Every entry balanced with at least two lines, and the whole book balanced, per entity or for all.</summary>
    public async Task<BookCheck> HandleAsync(string? entityCode, CancellationToken ct = default)
    {
        var entity = entityCode is null ? (LegalEntityId?)null : await codes.ByCodeAsync(entityCode, ct);
        var entries = db.Set<JournalEntry>().Where(e => entity == null || e.LegalEntityId == entity);
        var postings = from p in db.Set<Posting>() join e in entries on p.EntryId equals e.Id select p;
        // Only the faulty entries leave the database: a large book is checked without loading it.
        var faulty = await postings
            .GroupBy(p => p.EntryId)
            .Select(g => new
            {
                EntryId = g.Key, Lines = g.Count(),
                Debit = g.Sum(x => x.Side == Side.Debit ? x.Amount : 0), Credit = g.Sum(x => x.Side == Side.Credit ? x.Amount : 0),
            })
            .Where(g => g.Debit != g.Credit || g.Lines < 2)
            .ToListAsync(ct);
        var named = faulty.Take(50).Select(f => f.EntryId).ToList();
        var names = await entries.Where(e => named.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => $"{e.JournalCode}-{e.Number}", ct);
        var withoutLines = await entries.CountAsync(e => !e.Postings.Any(), ct);
        var totalDebit = await postings.Where(p => p.Side == Side.Debit).SumAsync(p => p.Amount, ct);
        var totalCredit = await postings.Where(p => p.Side == Side.Credit).SumAsync(p => p.Amount, ct);
        var unbalanced = faulty.Where(e => e.Debit != e.Credit).ToList();
        var problems = unbalanced.Where(e => names.ContainsKey(e.EntryId))
            .Select(e => $"{names[e.EntryId]} : débit {Money.Eur(e.Debit)} ≠ crédit {Money.Eur(e.Credit)}").ToList();
        return new BookCheck(await entries.CountAsync(ct), unbalanced.Count, faulty.Count(e => e.Lines < 2) + withoutLines, totalDebit, totalCredit, problems);
    }

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapGet("/check", async (string? entity, CheckBooks reports, ActorAccessor actors, CancellationToken ct) =>
            {
                LedgerAccess.RequireBooks(await actors.GetAsync(ct));
                return await reports.HandleAsync(entity, ct);
            })
            .WithName("CheckBooks").WithSummary("Contrôle d'équilibre de chaque écriture et du livre");
    }
}
