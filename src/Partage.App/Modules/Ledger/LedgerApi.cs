using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger;

internal sealed class LedgerApi(PartageDbContext db, NumberSeries numbers, SerialLocks locks, CooperativeFees fees, EntryPosting posting, LedgerCatalog catalog, TimeProvider clock) : ILedgerApi
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
        (await posting.PostAsync([(request, null)], actor, ct))[0];

    public async Task<IReadOnlyList<EntryView>> PostManyAsync(IReadOnlyList<PostEntryRequest> requests, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return requests.Count == 0 ? [] : await posting.PostAsync(requests.Select(r => (r, (EntryId?)null)).ToList(), actor, ct);
    }

    public async Task<EntryView> ReverseAsync(EntryId entry, DateOnly date, string reason, string idempotencyKey, Actor actor, CancellationToken ct = default)
    {
        var v = new Validation();
        var why = v.Required("Reason", "Le motif", reason, 150);
        v.ThrowIfInvalid();
        var (view, _) = await MirrorAsync(entry, idempotencyKey, original => new PostEntryRequest(
            original.LegalEntityId, original.JournalCode, date, Text.Cut($"Contre-passation {original.JournalCode}-{original.Number} : {why}", 200),
            original.SourceType, original.SourceId, idempotencyKey, Mirrored(original), original.PieceRef), actor, ct);
        return view;
    }

    public Task<EntryView> PostReceiptAsync(Receipt receipt, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return PostAsync(new PostEntryRequest(receipt.Entity, "BQ", receipt.Date, $"Règlement {receipt.InvoiceNumber} — {receipt.Payer}", receipt.SourceType, receipt.SourceId,
            receipt.IdempotencyKey, [new PostingLine(receipt.From, Side.Debit, receipt.Amount, null, receipt.FromLabel), .. receipt.Credits], receipt.InvoiceNumber), actor, ct);
    }

    public async Task<EntryView> PostCreditNoteAsync(EntryId invoiceEntry, CreditNoteEntry note, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var (view, original) = await MirrorAsync(invoiceEntry, note.IdempotencyKey, original => new PostEntryRequest(
            original.LegalEntityId, original.JournalCode, note.Date, note.Label, note.SourceType, note.SourceId, note.IdempotencyKey, Mirrored(original), note.Number), actor, ct);
        if (original is not null)
        {
            await db.SaveChangesAsync(ct);   // the lettering reads the postings back
            var accounts = original.Postings.Select(p => p.AccountId).Distinct().ToList();
            foreach (var account in await db.Set<LedgerAccount>().Where(a => accounts.Contains(a.Id) && a.AuxiliaryCode != null).Select(a => a.Id).ToListAsync(ct))
            {
                var both = original.Postings.Where(p => p.AccountId == account).Select(p => p.Id).Concat(view.Lines.Where(l => l.AccountId == account).Select(l => l.PostingId)).ToList();
                await LetterAsync(original.LegalEntityId, both, note.Date, ct);
            }

            await db.SaveChangesAsync(ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return view;
    }

    /// <summary>
    /// Posts the request <paramref name="mirror"/> builds from the entry, as its reversal (an entry is
    /// reversed once, a reversal never); a replayed key answers with the first entry and no original.
    /// </summary>
    private async Task<(EntryView View, JournalEntry? Original)> MirrorAsync(
        EntryId entry, string idempotencyKey, Func<JournalEntry, PostEntryRequest> mirror, Actor actor, CancellationToken ct)
    {
        var original = await db.Set<JournalEntry>().AsNoTracking().Include(e => e.Postings)
            .SingleOrDefaultAsync(e => e.Id == entry, ct) ?? throw new DomainException(LedgerErrors.EntryNotFound);
        var replay = await posting.FindByKeysAsync([idempotencyKey], ct);
        if (replay.Count > 0)
        {
            return (await posting.ViewAsync(replay.Values.Single(), ct), null);
        }

        if (original.ReversesEntryId is not null)
        {
            throw new DomainException(LedgerErrors.ReversalOfReversal);
        }

        if (await db.Set<JournalEntry>().AnyAsync(e => e.ReversesEntryId == entry, ct))
        {
            throw new DomainException(LedgerErrors.AlreadyReversed);
        }

        return ((await posting.PostAsync([(mirror(original), original.Id)], actor, ct))[0], original);
    }

    private static List<PostingLine> Mirrored(JournalEntry original) =>
        original.Postings.OrderBy(p => p.LineNumber)
            .Select(p => new PostingLine(p.AccountId, p.Side == Side.Debit ? Side.Credit : Side.Debit, Money.Eur(p.Amount), p.ActivityId, p.Label))
            .ToList();

    public async Task<EntryView?> FindEntryAsync(EntryId entry, CancellationToken ct = default)
    {
        var found = await db.Set<JournalEntry>().AsNoTracking().Include(e => e.Postings).SingleOrDefaultAsync(e => e.Id == entry, ct);
        return found is null ? null : await posting.ViewAsync(found, ct);
    }

    public async Task<AccountId> AccountAsync(LegalEntityId entity, string number, CancellationToken ct = default) =>
        await catalog.GeneralAccountAsync(db, entity, number, ct)
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

    public async Task<ActivityBudget> BudgetToSpendAsync(ActivityId activity, CancellationToken ct = default)
    {
        await locks.HoldAsync($"budget:{activity}", ct);
        return await BudgetAsync(activity, ct);
    }

    public async Task<ActivityBudget> BudgetAsync(ActivityId activity, CancellationToken ct = default) =>
        (await BudgetsAsync([activity], ct))[activity];

    public async Task<IReadOnlyDictionary<ActivityId, ActivityBudget>> BudgetsAsync(IReadOnlyCollection<ActivityId> activities, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var asked = activities.Select(a => (ActivityId?)a).Distinct().ToList();
        // One activity (every decision to spend) filters by equality, which the index (activity_id, accounting_date) serves on both databases.
        var postings = asked.Count == 1 ? db.Set<Posting>().Where(p => p.ActivityId == asked[0]) : db.Set<Posting>().Where(p => asked.Contains(p.ActivityId));
        var sums = await (
                from p in postings
                join a in db.Set<LedgerAccount>() on p.AccountId equals a.Id
                group p by new { p.ActivityId, a.Number, p.Side } into g
                select new { g.Key.ActivityId, g.Key.Number, g.Key.Side, Total = g.Sum(x => x.Amount) })
            .ToListAsync(ct);
        var byActivity = sums.ToLookup(s => s.ActivityId!.Value);
        return activities.Distinct().ToDictionary(activity => activity, activity =>
        {
            var mine = byActivity[activity];
            long Net(Func<string, bool> account, Side positive) =>
                mine.Where(s => account(s.Number)).Sum(s => s.Side == positive ? s.Total : -s.Total);
            return new ActivityBudget(
                activity,
                Earned: Money.Eur(Net(n => n[0] == '7', Side.Credit)),
                Spent: Money.Eur(Net(n => n[0] == '6', Side.Debit)),
                InvoicedUnpaid: Money.Eur(Net(n => n.StartsWith(ChartOfAccounts.Clients, StringComparison.Ordinal), Side.Debit)),
                Committed: Money.Eur(Net(n => n.StartsWith(ChartOfAccounts.CommitmentsGiven, StringComparison.Ordinal), Side.Debit)));
        });
    }

    public async Task<ActivityStatement> StatementAsync(ActivityId activity, DateOnly? from, DateOnly? to, int? last, CancellationToken ct = default)
    {
        // Sums and ordering use the posting's own date (index activity_id, accounting_date); entries are joined only for the page shown.
        var movements = Movements(activity);
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

    public async Task<IReadOnlyList<MonthBalance>> MonthlyBalancesAsync(ActivityId activity, DateOnly lastDay, int months, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var first = new DateOnly(lastDay.Year, lastDay.Month, 1).AddMonths(1 - months);
        var movements = Movements(activity);
        var running = await movements.Where(m => m.Posting.AccountingDate < first).SumAsync(m => m.Amount, ct);
        var perMonth = (await movements.Where(m => m.Posting.AccountingDate >= first && m.Posting.AccountingDate <= lastDay)
                .GroupBy(m => new { m.Posting.AccountingDate.Year, m.Posting.AccountingDate.Month })
                .Select(g => new { g.Key.Year, g.Key.Month, Total = g.Sum(m => m.Amount) })
                .ToListAsync(ct))
            .ToDictionary(m => (m.Year, m.Month), m => m.Total);
        var balances = new List<MonthBalance>(months);
        for (var month = first; month <= lastDay; month = month.AddMonths(1))
        {
            running += perMonth.GetValueOrDefault((month.Year, month.Month));
            balances.Add(new MonthBalance(month, Money.Eur(running)));
        }

        return balances;
    }

    /// <summary>
    /// Movements of the budget: postings of the activity on expense (6) and revenue (7) accounts; a credit raises
    /// the balance, a debit lowers it.
    /// </summary>
    private IQueryable<Movement> Movements(ActivityId activity) =>
        from p in db.Set<Posting>()
        where p.ActivityId == activity
        join a in db.Set<LedgerAccount>() on p.AccountId equals a.Id
        where a.Number.StartsWith("6") || a.Number.StartsWith("7")
        select new Movement { Posting = p, AccountNumber = a.Number, Amount = p.Side == Side.Credit ? p.Amount : -p.Amount };

    /// <summary>A posting with its account and its signed effect on the balance (a class with setters: EF composes queries on it).</summary>
    private sealed class Movement
    {
        public Posting Posting { get; init; } = null!;

        public string AccountNumber { get; init; } = string.Empty;

        public long Amount { get; init; }
    }
}
