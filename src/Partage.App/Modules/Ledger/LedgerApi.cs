using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger;

internal sealed class LedgerApi(PartageDbContext db, NumberSeries numbers, LedgerCatalog catalog, CooperativeFees fees, TimeProvider clock) : ILedgerApi
{
    public async Task<CooperativeFee> FeeAsync(LegalEntityId entity, string module, DateOnly date, Money baseAmount, ActivityId activity, CancellationToken ct = default)
    {
        var fee = await fees.ComputeAsync(entity, module, date, baseAmount, ct);
        return new CooperativeFee(fee.Total, await fees.LinesAsync(this, entity, fee, activity, ct));
    }

    public Task<FeeComputation> FeeSplitAsync(LegalEntityId entity, string module, DateOnly date, Money baseAmount, CancellationToken ct = default) =>
        fees.ComputeAsync(entity, module, date, baseAmount, ct);

    public async Task<decimal?> FeeRateAsync(LegalEntityId entity, string module, DateOnly date, CancellationToken ct = default) =>
        await fees.RateAsync(entity, module, date, ct);

    public async Task<Money> FeeTotalAsync(LegalEntityId entity, string module, DateOnly date, Money baseAmount, CancellationToken ct = default) =>
        (await fees.ComputeAsync(entity, module, date, baseAmount, ct)).Total;

    public async Task<EntryView> PostAsync(PostEntryRequest request, Actor actor, CancellationToken ct = default) =>
        (await PostCoreAsync([(request, null)], actor, ct))[0];

    public async Task<IReadOnlyList<EntryView>> PostManyAsync(IReadOnlyList<PostEntryRequest> requests, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return requests.Count == 0 ? [] : await PostCoreAsync(requests.Select(r => (r, (EntryId?)null)).ToList(), actor, ct);
    }

    public async Task<EntryView> ReverseAsync(EntryId entry, DateOnly date, string reason, string idempotencyKey, Actor actor, CancellationToken ct = default)
    {
        var original = await db.Set<JournalEntry>().AsNoTracking().Include(e => e.Postings)
            .SingleOrDefaultAsync(e => e.Id == entry, ct) ?? throw new DomainException(LedgerErrors.EntryNotFound);
        var replay = await FindByKeysAsync([idempotencyKey], ct);
        if (replay.Count > 0)
        {
            return await ViewAsync(replay.Values.Single(), ct);
        }

        if (original.ReversesEntryId is not null)
        {
            throw new DomainException(LedgerErrors.ReversalOfReversal);
        }

        if (await db.Set<JournalEntry>().AnyAsync(e => e.ReversesEntryId == entry, ct))
        {
            throw new DomainException(LedgerErrors.AlreadyReversed);
        }

        var v = new Validation();
        var why = v.Required("Reason", "Le motif", reason, 150);
        v.ThrowIfInvalid();
        var request = new PostEntryRequest(
            original.LegalEntityId, original.JournalCode, date,
            Text.Cut($"Contre-passation {original.JournalCode}-{original.Number} : {why}", 200),
            original.SourceType, original.SourceId, idempotencyKey,
            original.Postings.OrderBy(p => p.LineNumber)
                .Select(p => new PostingLine(p.AccountId, p.Side == Side.Debit ? Side.Credit : Side.Debit, Money.Eur(p.Amount), p.ActivityId, p.Label))
                .ToList(),
            original.PieceRef);
        return (await PostCoreAsync([(request, original.Id)], actor, ct))[0];
    }

    public async Task<EntryView?> FindEntryAsync(EntryId entry, CancellationToken ct = default)
    {
        var found = await db.Set<JournalEntry>().AsNoTracking().Include(e => e.Postings).SingleOrDefaultAsync(e => e.Id == entry, ct);
        return found is null ? null : await ViewAsync(found, ct);
    }

    public async Task<AccountId> AccountAsync(LegalEntityId entity, string number, CancellationToken ct = default) =>
        await db.Set<LedgerAccount>().Where(a => a.LegalEntityId == entity && a.Number == number && a.AuxiliaryCode == null)
            .Select(a => (AccountId?)a.Id).SingleOrDefaultAsync(ct)
        ?? throw new DomainException(LedgerErrors.UnknownAccount, $"Le compte {number} n'existe pas pour cette entité.");

    public async Task<AccountId> AuxiliaryAccountAsync(
        LegalEntityId entity, string generalNumber, string code, string label, string ownerType, Guid ownerId, CancellationToken ct = default)
    {
        bool Matches(LedgerAccount a) => a.LegalEntityId == entity && a.Number == generalNumber && a.AuxiliaryCode == code;
        var pending = db.Set<LedgerAccount>().Local.FirstOrDefault(Matches);
        if (pending is not null)
        {
            return pending.Id;
        }

        var existing = await db.Set<LedgerAccount>().Where(a => a.LegalEntityId == entity && a.Number == generalNumber && a.AuxiliaryCode == code)
            .Select(a => (AccountId?)a.Id).SingleOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }

        var general = await db.Set<LedgerAccount>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.LegalEntityId == entity && a.Number == generalNumber && a.AuxiliaryCode == null, ct)
            ?? throw new DomainException(LedgerErrors.UnknownAccount, $"Le compte collectif {generalNumber} n'existe pas pour cette entité.");
        var account = new LedgerAccount
        {
            Id = TypedId.New<AccountId>(), LegalEntityId = entity, Number = general.Number, Label = general.Label,
            AuxiliaryCode = code, AuxiliaryLabel = Text.Cut(label, 200), OwnerType = ownerType, OwnerId = ownerId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(account);
        return account.Id;
    }

    public async Task<string> LetterAsync(LegalEntityId entity, IReadOnlyList<Guid> postings, DateOnly date, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(postings);
        var ids = postings.Distinct().ToList();
        var lines = await (
                from p in db.Set<Posting>()
                where ids.Contains(p.Id)
                join a in db.Set<LedgerAccount>() on p.AccountId equals a.Id
                select new { p.Id, p.Side, p.Amount, a.LegalEntityId, a.AuxiliaryCode, AccountId = a.Id })
            .ToListAsync(ct);
        var alreadyLettered = await db.Set<LetteredPosting>().AnyAsync(l => ids.Contains(l.PostingId), ct);
        if (ids.Count < 2 || lines.Count != ids.Count || alreadyLettered
            || lines.Any(l => l.LegalEntityId != entity || l.AuxiliaryCode is null) || lines.Select(l => l.AccountId).Distinct().Count() != 1
            || lines.Sum(l => l.Side == Side.Debit ? l.Amount : -l.Amount) != 0)
        {
            throw new DomainException(LedgerErrors.LetteringInvalid);
        }

        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var code = LetteringCode(await numbers.NextAsync($"lettering:{entity}", ct));
        var lettering = new Lettering { Id = Guid.CreateVersion7(), LegalEntityId = entity, Code = code, Date = date, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(lettering);
        db.AddRange(ids.Select(id => new LetteredPosting { LetteringId = lettering.Id, PostingId = id }));
        if (ownTransaction is not null)
        {
            await db.SaveChangesAsync(ct);
            await ownTransaction.CommitAsync(ct);
        }

        return code;
    }

    /// <summary>1 → AA, 2 → AB, … 676 → ZZ, 677 → AAA: the letters accountants use.</summary>
    internal static string LetteringCode(long n)
    {
        var length = 2;
        var index = n - 1;
        for (var capacity = 676L; index >= capacity; capacity *= 26)
        {
            index -= capacity;
            length++;
        }

        var letters = new char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            letters[i] = (char)('A' + index % 26);
            index /= 26;
        }

        return new string(letters);
    }

    public async Task<Money> BalanceAsync(LegalEntityId entity, string accountNumber, CancellationToken ct = default) =>
        Money.Eur(await (
                from p in db.Set<Posting>()
                join a in db.Set<LedgerAccount>() on p.AccountId equals a.Id
                where a.LegalEntityId == entity && a.Number == accountNumber
                select p.Side == Side.Debit ? p.Amount : -p.Amount)
            .SumAsync(ct));

    public async Task<ActivityBudget> BudgetAsync(ActivityId activity, CancellationToken ct = default)
    {
        var sums = await (
                from p in db.Set<Posting>()
                where p.ActivityId == activity
                join a in db.Set<LedgerAccount>() on p.AccountId equals a.Id
                group p by new { a.Number, p.Side } into g
                select new { g.Key.Number, g.Key.Side, Total = g.Sum(x => x.Amount) })
            .ToListAsync(ct);
        long Net(Func<string, bool> account, Side positive) =>
            sums.Where(s => account(s.Number)).Sum(s => s.Side == positive ? s.Total : -s.Total);
        return new ActivityBudget(
            activity,
            Earned: Money.Eur(Net(n => n[0] == '7', Side.Credit)),
            Spent: Money.Eur(Net(n => n[0] == '6', Side.Debit)),
            InvoicedUnpaid: Money.Eur(Net(n => n.StartsWith(ChartOfAccounts.Clients, StringComparison.Ordinal), Side.Debit)),
            Committed: Money.Eur(Net(n => n.StartsWith(ChartOfAccounts.CommitmentsGiven, StringComparison.Ordinal), Side.Debit)));
    }

    public async Task<ActivityStatement> StatementAsync(ActivityId activity, DateOnly? from, DateOnly? to, int? last, CancellationToken ct = default)
    {
        // Movements of the budget: postings of the activity on expense (6) and revenue (7) accounts;
        // a credit raises the balance, a debit lowers it. Sums and ordering use the posting's own
        // date (index activity_id, accounting_date); entries are joined only for the page shown.
        var movements =
            from p in db.Set<Posting>()
            where p.ActivityId == activity
            join a in db.Set<LedgerAccount>() on p.AccountId equals a.Id
            where a.Number.StartsWith("6") || a.Number.StartsWith("7")
            select new { Posting = p, AccountNumber = a.Number, Amount = p.Side == Side.Credit ? p.Amount : -p.Amount };
        var opening = from is { } f ? await movements.Where(m => m.Posting.AccountingDate < f).SumAsync(m => m.Amount, ct) : 0;
        var inRange = movements.Where(m => (from == null || m.Posting.AccountingDate >= from) && (to == null || m.Posting.AccountingDate <= to));
        var total = await inRange.SumAsync(m => m.Amount, ct);
        var ordered = inRange.OrderByDescending(m => m.Posting.AccountingDate).ThenByDescending(m => m.Posting.EntryId).ThenByDescending(m => m.Posting.LineNumber);
        var page = last is { } n ? ordered.Take(Math.Clamp(n, 1, 1000)) : ordered;
        var rows = await (
                from m in page
                join e in db.Set<JournalEntry>() on m.Posting.EntryId equals e.Id
                select new { e.Id, m.Posting.AccountingDate, m.Posting.EntryId, m.Posting.LineNumber, e.Label, e.SourceType, e.SourceId, e.PieceRef, m.AccountNumber, m.Amount, PostingLabel = m.Posting.Label })
            .OrderByDescending(r => r.AccountingDate).ThenByDescending(r => r.EntryId).ThenByDescending(r => r.LineNumber)
            .ToListAsync(ct);
        var closing = opening + total;
        var running = closing;
        var lines = new List<StatementLine>(rows.Count);
        foreach (var row in rows)
        {
            lines.Add(new StatementLine(row.Id, row.AccountingDate, row.PostingLabel ?? row.Label, row.SourceType, row.SourceId, row.PieceRef, row.AccountNumber, Money.Eur(row.Amount), Money.Eur(running)));
            running -= row.Amount;
        }

        lines.Reverse();
        return new ActivityStatement(activity, from, to, Money.Eur(running), lines, Money.Eur(closing));   // opening: the balance before the first line shown
    }

    private async Task<IReadOnlyList<EntryView>> PostCoreAsync(IReadOnlyList<(PostEntryRequest Request, EntryId? Reverses)> items, Actor actor, CancellationToken ct)
    {
        var drafts = items.Select(i => Draft.From(i.Request, i.Reverses)).ToList();
        if (drafts.Select(d => d.Key).Distinct(StringComparer.Ordinal).Count() != drafts.Count)
        {
            throw new DomainException(LedgerErrors.IdempotencyKeyReused, "Deux écritures du lot portent la même clé d'idempotence.");
        }

        var replays = await FindByKeysAsync(drafts.Select(d => d.Key).ToList(), ct);
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

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var posted = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
            foreach (var series in fresh.GroupBy(d => (d.Request.Journal, FiscalYear: years[(d.Request.Entity, d.Request.Date)])))
            {
                // A fiscal year belongs to one entity, so journal + year names the series. Numbers
                // follow the order of the batch, which callers give in date order.
                var count = series.Count();
                var number = await numbers.NextBlockAsync($"ledger:{series.Key.Journal}:{series.Key.FiscalYear}", count, ct) - count;
                foreach (var d in series)
                {
                    var entry = d.ToEntry(series.Key.FiscalYear, ++number, clock.GetUtcNow().UtcDateTime, actor);
                    db.Add(entry);
                    posted[d.Key] = entry;
                }
            }

            if (ownTransaction is not null)
            {
                // The transaction is ours and nothing is retried inside it: a savepoint would be two more round trips.
                db.Database.AutoSavepointsEnabled = false;
                await db.SaveChangesAsync(ct);
                await ownTransaction.CommitAsync(ct);
            }

            return drafts.Select(d => View(replays.TryGetValue(d.Key, out var e) ? e : posted[d.Key], accounts)).ToList();
        }
        catch (DbUpdateException e) when (ownTransaction is not null && DbErrors.IsUniqueViolation(e))
        {
            // A concurrent post of the same keys won the race: answer with its entries. Otherwise the
            // unique index that lost is the one allowing a single reversal per entry.
            await ownTransaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var winners = await FindByKeysAsync(drafts.Select(d => d.Key).ToList(), ct);
            if (winners.Count != drafts.Count)
            {
                throw new DomainException(LedgerErrors.AlreadyReversed);
            }

            var winnerAccounts = await catalog.AccountsAsync(db, winners.Values.SelectMany(w => w.Postings).Select(p => p.AccountId).ToHashSet(), ct);
            return drafts.Select(d => View(winners[d.Key], winnerAccounts)).ToList();
        }
        finally
        {
            if (ownTransaction is not null)
            {
                db.Database.AutoSavepointsEnabled = true;
                await ownTransaction.DisposeAsync();
            }
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

        public JournalEntry ToEntry(Guid fiscalYear, long number, DateTime postedAt, Actor actor) => new()
        {
            Id = TypedId.New<EntryId>(),
            LegalEntityId = Request.Entity,
            JournalCode = Request.Journal,
            FiscalYearId = fiscalYear,
            Number = number,
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

    private async Task<Dictionary<string, JournalEntry>> FindByKeysAsync(List<string> keys, CancellationToken ct) =>
        await db.Set<JournalEntry>().AsNoTracking().Include(e => e.Postings).Where(e => keys.Contains(e.IdempotencyKey))
            .ToDictionaryAsync(e => e.IdempotencyKey, StringComparer.Ordinal, ct);

    private async Task<EntryView> ViewAsync(JournalEntry entry, CancellationToken ct) =>
        View(entry, await catalog.AccountsAsync(db, entry.Postings.Select(p => p.AccountId).ToHashSet(), ct));

    private static EntryView View(JournalEntry e, IReadOnlyDictionary<AccountId, LedgerCatalog.AccountFacts> accounts) => new(
        e.Id, e.LegalEntityId, e.JournalCode, e.Number, e.AccountingDate, e.Label, e.SourceType, e.SourceId, e.PieceRef, e.ReversesEntryId,
        e.PostedAt, e.PostedBy,
        e.Postings.OrderBy(p => p.LineNumber).Select(p => new PostingView(
            p.Id, p.LineNumber, p.AccountId, accounts[p.AccountId].Number, accounts[p.AccountId].AuxiliaryLabel ?? accounts[p.AccountId].Label,
            accounts[p.AccountId].AuxiliaryCode, p.Side, Money.Eur(p.Amount), p.ActivityId, p.Label)).ToList());

}
