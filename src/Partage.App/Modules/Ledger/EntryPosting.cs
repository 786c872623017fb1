using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger;

/// <summary>
/// How entries reach the books, for <see cref="LedgerApi"/>: checked (balanced, positive, in euros,
/// on the entity's own accounts and journals, in an open period), numbered, saved, and idempotent —
/// the same key and content answer with the entry already posted, the same key with other figures is refused.
/// </summary>
internal sealed class EntryPosting(PartageDbContext db, EntryWriter writer, LedgerCatalog catalog, TimeProvider clock)
{
    /// <summary>
    /// Posts the requests as one batch, each checked, numbered without gaps in its journal and
    /// fiscal year; a request whose idempotency key was posted before is answered with that entry.
    /// </summary>
    public async Task<IReadOnlyList<EntryView>> PostAsync(IReadOnlyList<(PostEntryRequest Request, EntryId? Reverses)> items, Actor actor, CancellationToken ct)
    {
        var drafts = items.Select(i => Draft.From(i.Request, i.Reverses)).ToList();
        if (drafts.Select(d => d.Key).Distinct(StringComparer.Ordinal).Count() != drafts.Count)
        {
            throw new DomainException(LedgerErrors.IdempotencyKeyReused, "Deux écritures du lot portent la même clé d'idempotence.");
        }

        // A single entry posted in the ledger's own transaction is not looked up first: a replay shows
        // as its key refused by the unique index, answered in WriteAsync — one query fewer on the
        // path of every click that posts (docs/performance.md). A replay refused by a check (its month
        // closed since) is answered with the entry posted.
        if (drafts.Count == 1 && db.Database.CurrentTransaction is null)
        {
            try
            {
                return await PostAsync(drafts, [], actor, ct);
            }
            catch (DomainException)
            {
                var posted = await FindByKeysAsync([drafts[0].Key], ct);
                if (posted.Count == 0)
                {
                    throw;
                }

                return await PostAsync(drafts, posted, actor, ct);
            }
        }

        return await PostAsync(drafts, await FindByKeysAsync(drafts.Select(d => d.Key).ToList(), ct), actor, ct);
    }

    private async Task<IReadOnlyList<EntryView>> PostAsync(List<Draft> drafts, Dictionary<string, JournalEntry> replays, Actor actor, CancellationToken ct)
    {
        foreach (var d in drafts.Where(d => replays.ContainsKey(d.Key)))
        {
            if (!SameContent(replays[d.Key], d))
            {
                throw new DomainException(LedgerErrors.IdempotencyKeyReused);
            }
        }

        var fresh = drafts.Where(d => !replays.ContainsKey(d.Key)).ToList();
        foreach (var d in fresh)
        {
            CheckLines(d.Request.Lines);
            if (!await catalog.JournalExistsAsync(db, d.Request.Entity, d.Request.Journal, ct))
            {
                throw new DomainException(LedgerErrors.UnknownJournal, $"Le journal « {d.Request.Journal} » n'existe pas pour cette entité.");
            }
        }

        var accounts = await catalog.AccountsAsync(db, drafts.SelectMany(d => d.Request.Lines ?? []).Select(l => l.Account)
            .Concat(replays.Values.SelectMany(e => e.Postings).Select(p => p.AccountId)).ToHashSet(), ct);
        if (fresh.Any(d => d.Request.Lines.Any(l => !accounts.TryGetValue(l.Account, out var a) || a.LegalEntityId != d.Request.Entity)))
        {
            throw new DomainException(LedgerErrors.UnknownAccount);
        }

        var years = new Dictionary<(LegalEntityId, DateOnly), Guid>();
        foreach (var (entity, date) in fresh.Select(d => (d.Request.Entity, d.Request.Date)).Distinct())
        {
            years[(entity, date)] = await OpenFiscalYearAsync(entity, date, ct);
        }

        return await WriteAsync(drafts, fresh, replays, years, accounts, actor, ct);
    }

    /// <summary>The fresh entries numbered and written, in the caller's transaction or in one of their own; a lost race answered with the winner's entries.</summary>
    private async Task<IReadOnlyList<EntryView>> WriteAsync(
        List<Draft> drafts, List<Draft> fresh, Dictionary<string, JournalEntry> replays, Dictionary<(LegalEntityId, DateOnly), Guid> years,
        IReadOnlyDictionary<AccountId, LedgerCatalog.AccountFacts> accounts, Actor actor, CancellationToken ct)
    {
        var callersTransaction = db.Database.CurrentTransaction is not null;
        try
        {
            // A fiscal year belongs to one entity, so journal + year names the series. Numbers
            // follow the order of the batch, which callers give in date order.
            var postedAt = clock.GetUtcNow().UtcDateTime;
            var series = fresh.GroupBy(d => (d.Request.Journal, FiscalYear: years[(d.Request.Entity, d.Request.Date)]))
                .Select(g => new EntryWriter.Series($"ledger:{g.Key.Journal}:{g.Key.FiscalYear}", g.Select(d => d.ToEntry(g.Key.FiscalYear, postedAt, actor)).ToList()))
                .ToList();
            var posted = series.Count == 0 ? [] : (await writer.InsertAsync(series, ct)).ToDictionary(e => e.IdempotencyKey, StringComparer.Ordinal);
            return drafts.Select(d => View(replays.TryGetValue(d.Key, out var e) ? e : posted[d.Key], accounts)).ToList();
        }
        catch (DbUpdateException e) when (!callersTransaction && DbErrors.IsUniqueViolation(e))
        {
            // A concurrent post of the same keys won the race: answer with its entries when they are the
            // same. Otherwise the unique index that lost is the one allowing a single reversal per entry.
            var winners = await FindByKeysAsync(drafts.Select(d => d.Key).ToList(), ct);
            if (winners.Count != drafts.Count)
            {
                throw new DomainException(LedgerErrors.AlreadyReversed);
            }

            if (drafts.Any(d => !SameContent(winners[d.Key], d)))
            {
                throw new DomainException(LedgerErrors.IdempotencyKeyReused);
            }

            var winnerAccounts = await catalog.AccountsAsync(db, winners.Values.SelectMany(w => w.Postings).Select(p => p.AccountId).ToHashSet(), ct);
            return drafts.Select(d => View(winners[d.Key], winnerAccounts)).ToList();
        }
    }

    /// <summary>
    /// A replay is the same entry asked again: same document, entity, journal, date and lines. A
    /// key reused for other figures is refused, never answered with the first entry (which would
    /// leave the caller's document and the books disagreeing).
    /// </summary>
    private static bool SameContent(JournalEntry posted, Draft draft) =>
        posted.SourceType == draft.SourceType && posted.SourceId == draft.SourceId && posted.LegalEntityId == draft.Request.Entity
        && posted.JournalCode == draft.Request.Journal && posted.AccountingDate == draft.Request.Date
        && posted.Postings.Select(p => (p.AccountId.Value, p.Side, p.Amount)).Order().SequenceEqual(
            (draft.Request.Lines ?? []).Select(l => (l.Account.Value, l.Side, l.Amount.Cents)).Order());

    /// <summary>A request checked for its texts, ready to become an entry.</summary>
    private sealed record Draft(PostEntryRequest Request, EntryId? Reverses, string Label, string SourceType, string SourceId, string Key, string PieceRef)
    {
        public static Draft From(PostEntryRequest request, EntryId? reverses)
        {
            ArgumentNullException.ThrowIfNull(request);
            var v = new Validation();
            var label = v.Required("Label", "Le libellé", request.Label, 200);
            var sourceType = v.Required("SourceType", "Le type de document", request.SourceType, 40);
            var sourceId = v.Required("SourceId", "La référence du document", request.SourceId, 100);
            var key = v.Required("IdempotencyKey", "La clé d'idempotence", request.IdempotencyKey, 200);
            var pieceRef = v.Optional("PieceRef", "La pièce", request.PieceRef, 60) ?? Text.Cut($"{sourceType}-{sourceId}", 60);
            v.ThrowIfInvalid();
            return new Draft(request, reverses, label, sourceType, sourceId, key, pieceRef);
        }

        /// <summary>The entry without its number yet: <see cref="EntryWriter"/> gives it in the statement that inserts it.</summary>
        public JournalEntry ToEntry(Guid fiscalYear, DateTime postedAt, Actor actor)
        {
            var id = TypedId.New<EntryId>();
            return new()
            {
                Id = id,
                LegalEntityId = Request.Entity,
                JournalCode = Request.Journal,
                FiscalYearId = fiscalYear,
                AccountingDate = Request.Date,
                Label = Label,
                SourceType = SourceType,
                SourceId = SourceId,
                PieceRef = PieceRef,
                IdempotencyKey = Key,
                ReversesEntryId = Reverses,
                PostedAt = postedAt,
                PostedBy = actor.Name,
                Postings = Request.Lines.Select((l, i) => new Posting
                {
                    Id = Guid.CreateVersion7(),
                    EntryId = id,
                    LineNumber = i + 1,
                    AccountId = l.Account,
                    Side = l.Side,
                    Amount = l.Amount.Cents,
                    ActivityId = l.Activity,
                    AccountingDate = Request.Date,
                    Label = l.Label is null ? null : Text.Cut(l.Label, 200),
                }).ToList(),
            };
        }
    }

    private static void CheckLines(IReadOnlyList<PostingLine>? lines)
    {
        if (lines is null || lines.Count < 2)
        {
            throw new DomainException(LedgerErrors.TooFewLines);
        }

        if (lines.Any(l => l.Amount.Currency != Currency.Eur))
        {
            throw new DomainException(LedgerErrors.NotEuro);
        }

        if (lines.Any(l => l.Amount.Cents <= 0))
        {
            throw new DomainException(LedgerErrors.NonPositiveAmount);
        }

        if (lines.Any(l => l.Amount.Cents > Money.MaxCents))
        {
            throw new DomainException(LedgerErrors.AmountTooLarge);
        }

        var debit = lines.Where(l => l.Side == Side.Debit).Sum(l => l.Amount.Cents);
        var credit = lines.Where(l => l.Side == Side.Credit).Sum(l => l.Amount.Cents);
        if (debit != credit)
        {
            throw new DomainException(LedgerErrors.Unbalanced,
                $"L'écriture n'est pas équilibrée : débits {Money.Eur(debit).ToDisplayString()}, crédits {Money.Eur(credit).ToDisplayString()}.");
        }
    }

    /// <summary>The open fiscal year covering <paramref name="date"/>, its closed months checked in the same query.</summary>
    private async Task<Guid> OpenFiscalYearAsync(LegalEntityId entity, DateOnly date, CancellationToken ct)
    {
        var year = await db.Set<FiscalYear>().AsNoTracking()
            .Where(f => f.LegalEntityId == entity && f.StartsOn <= date && f.EndsOn >= date)
            .Select(f => new
            {
                f.Id,
                f.ClosedAt,
                MonthClosed = db.Set<ClosedPeriod>().Any(p => p.LegalEntityId == entity && p.Year == date.Year && p.Month == date.Month),
            })
            .SingleOrDefaultAsync(ct)
            ?? throw new DomainException(LedgerErrors.NoFiscalYear, $"Aucun exercice comptable ouvert ne couvre le {date:dd/MM/yyyy}.");
        if (year.ClosedAt is not null)
        {
            throw new DomainException(LedgerErrors.FiscalYearClosed);
        }

        if (year.MonthClosed)
        {
            throw new DomainException(LedgerErrors.PeriodClosed,
                $"La période {date:yyyy-MM} est clôturée : aucune écriture ne peut y être passée.");
        }

        return year.Id;
    }

    internal async Task<Dictionary<string, JournalEntry>> FindByKeysAsync(List<string> keys, CancellationToken ct) =>
        await db.Set<JournalEntry>().AsNoTracking().Include(e => e.Postings).Where(e => keys.Contains(e.IdempotencyKey))
            .ToDictionaryAsync(e => e.IdempotencyKey, StringComparer.Ordinal, ct);

    internal async Task<EntryView> ViewAsync(JournalEntry entry, CancellationToken ct) =>
        View(entry, await catalog.AccountsAsync(db, entry.Postings.Select(p => p.AccountId).ToHashSet(), ct));

    private static EntryView View(JournalEntry e, IReadOnlyDictionary<AccountId, LedgerCatalog.AccountFacts> accounts) => new(
        e.Id, e.LegalEntityId, e.JournalCode, e.Number, e.AccountingDate, e.Label, e.SourceType, e.SourceId, e.PieceRef, e.ReversesEntryId,
        e.PostedAt, e.PostedBy,
        e.Postings.OrderBy(p => p.LineNumber).Select(p => new PostingView(
            p.Id, p.LineNumber, p.AccountId, accounts[p.AccountId].Number, accounts[p.AccountId].AuxiliaryLabel ?? accounts[p.AccountId].Label,
            accounts[p.AccountId].AuxiliaryCode, p.Side, Money.Eur(p.Amount), p.ActivityId, p.Label)).ToList());
}
