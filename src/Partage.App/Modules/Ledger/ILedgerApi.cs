using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Ledger;

/// <summary>One line of an entry to post.</summary>
public sealed record PostingLine(AccountId Account, Side Side, Money Amount, ActivityId? Activity = null, string? Label = null);

/// <summary>
/// An entry to post. <paramref name="IdempotencyKey"/> identifies the business event (for instance
/// "invoice:{id}:issued"): posting it again returns the first entry and writes nothing.
/// </summary>
/// <summary>
/// A customer's payment on an invoice, a client's or an employer's alike: the account the money
/// arrived on (the bank, or the suspense account an unidentified receipt waited on) debited by the
/// whole amount, the customer's receivable credited by <paramref name="Credits"/> (split as the
/// caller's invoice requires).
/// </summary>
public sealed record Receipt(
    LegalEntityId Entity, DateOnly Date, string InvoiceNumber, string Payer, AccountId From, Money Amount, string? FromLabel, IReadOnlyList<PostingLine> Credits,
    string SourceType, string SourceId, string IdempotencyKey);

/// <summary>What a credit note's entry carries of its own (the lines are the invoice's, turned round).</summary>
public sealed record CreditNoteEntry(DateOnly Date, string Label, string SourceType, string SourceId, string Number, string IdempotencyKey);

public sealed record PostEntryRequest(
    LegalEntityId Entity,
    string Journal,
    DateOnly Date,
    string Label,
    string SourceType,
    string SourceId,
    string IdempotencyKey,
    IReadOnlyList<PostingLine> Lines,
    string? PieceRef = null);

public sealed record PostingView(Guid PostingId, int Line, AccountId AccountId, string AccountNumber, string AccountLabel, string? AuxiliaryCode, Side Side, Money Amount, ActivityId? ActivityId, string? Label);

public sealed record EntryView(
    EntryId Id, LegalEntityId Entity, string Journal, long Number, DateOnly Date, string Label, string SourceType, string SourceId,
    string PieceRef, EntryId? ReversesEntryId, DateTime PostedAt, string PostedBy, IReadOnlyList<PostingView> Lines)
{
    public Money TotalDebit => Lines.Where(l => l.Side == Side.Debit).Select(l => l.Amount).Sum(Currency.Eur);
}

public sealed record CooperativeFee(Money Total, IReadOnlyList<PostingLine> Lines);

/// <summary>An activity's budget: every figure a sum of its postings (docs/adr/0005-ledger.md).</summary>
public sealed record ActivityBudget(ActivityId Activity, Money Earned, Money Spent, Money InvoicedUnpaid, Money Committed)
{
    /// <summary>The words every page and message uses for the headline figure.</summary>
    public const string AvailableWord = "disponible";

    /// <summary>The one sentence that says what "disponible" is, the same on every page.</summary>
    public const string AvailableMeaning =
        "Ce que l'activité peut verser ou engager aujourd'hui : l'argent encaissé de ses clients, net de la contribution de la coopérative, "
        + "moins ce qui est déjà dépensé ou engagé. Une facture compte quand le client la paie ; la contribution est retenue dès son émission.";

    public Money Balance => Earned - Spent;

    /// <summary>Revenue the clients have paid, net of the cooperative's contribution (taken on every invoice issued, paid or not).</summary>
    public Money Received => Earned - InvoicedUnpaid;

    public Money Available => Balance - InvoicedUnpaid - Committed;

    /// <summary>What a job may cost: the available money plus the invoices issued and not yet paid (the guarantee fund covers them).</summary>
    public Money PayableForJobs => Available + InvoicedUnpaid;

    /// <summary>
    /// "Disponible" taken apart, line by line, as the activity page shows it: each line a signed amount, the
    /// subtotal and the total recomputed from the lines above them (never copied from the figure they explain).
    /// </summary>
    public IReadOnlyList<BudgetLine> Explain()
    {
        var earned = new BudgetLine("Produits de l'activité, nets de la contribution de la coopérative", Earned, BudgetLineKind.Term);
        var unpaid = new BudgetLine("Facturé, pas encore payé par les clients (HT)", -InvoicedUnpaid, BudgetLineKind.Term);
        var received = new BudgetLine("= Encaissé, net de la contribution", earned.Amount + unpaid.Amount, BudgetLineKind.Subtotal);
        var spent = new BudgetLine("Dépensé (salaires, cotisations, frais)", -Spent, BudgetLineKind.Term);
        var committed = new BudgetLine("Engagé (contrats signés, pas encore payés)", -Committed, BudgetLineKind.Term);
        var available = new BudgetLine("= Disponible", received.Amount + spent.Amount + committed.Amount, BudgetLineKind.Total);
        return [earned, unpaid, received, spent, committed, available];
    }
}

public enum BudgetLineKind
{
    Term,
    Subtotal,
    Total,
}

/// <summary>One line of the explanation of "disponible": a signed amount, or a subtotal of the lines above it.</summary>
public sealed record BudgetLine(string Label, Money Amount, BudgetLineKind Kind);

/// <summary>The balance at the end of a month (<paramref name="Month"/>: its first day).</summary>
public sealed record MonthBalance(DateOnly Month, Money Balance);

public sealed record StatementLine(EntryId Entry, DateOnly Date, string Label, string SourceType, string SourceId, string PieceRef, string AccountNumber, Money Amount, Money RunningBalance);

public sealed record ActivityStatement(ActivityId Activity, DateOnly? From, DateOnly? To, Money OpeningBalance, IReadOnlyList<StatementLine> Lines, Money ClosingBalance);

/// <summary>
/// The only way money moves: other modules post through this interface, in their own
/// transaction (the entry commits with the document or not at all).
/// </summary>
public interface ILedgerApi
{
    Task<EntryView> PostAsync(PostEntryRequest request, Actor actor, CancellationToken ct = default);

    /// <summary>
    /// Posts several entries in one transaction (a payroll run, a bank statement, the month's fixed
    /// fees): all or none; each keeps its own idempotency key, and replays answer with their first entry.
    /// </summary>
    Task<IReadOnlyList<EntryView>> PostManyAsync(IReadOnlyList<PostEntryRequest> requests, Actor actor, CancellationToken ct = default);

    /// <summary>Posts the mirror entry of <paramref name="entry"/> (sides swapped) on <paramref name="date"/>.</summary>
    Task<EntryView> ReverseAsync(EntryId entry, DateOnly date, string reason, string idempotencyKey, Actor actor, CancellationToken ct = default);

    /// <summary>A payment received on an invoice: one entry in the bank journal, named after the invoice and the payer, the invoice's number as its piece.</summary>
    Task<EntryView> PostReceiptAsync(Receipt receipt, Actor actor, CancellationToken ct = default);

    /// <summary>
    /// The entry of a credit note cancelling a whole invoice, for clients' and employers' invoices
    /// alike: the invoice's entry <paramref name="invoiceEntry"/> mirrored under the credit note's own
    /// label, source and number, then lettered with it on the customer's account, where the two cancel out.
    /// </summary>
    Task<EntryView> PostCreditNoteAsync(EntryId invoiceEntry, CreditNoteEntry note, Actor actor, CancellationToken ct = default);

    Task<EntryView?> FindEntryAsync(EntryId entry, CancellationToken ct = default);

    /// <summary>The entity's standard account with this PCG number.</summary>
    Task<AccountId> AccountAsync(LegalEntityId entity, string number, CancellationToken ct = default);

    /// <summary>The auxiliary account of a third party (a client under 411…), created on first use.</summary>
    Task<AccountId> AuxiliaryAccountAsync(LegalEntityId entity, string generalNumber, string code, string label, string ownerType, Guid ownerId, CancellationToken ct = default);

    /// <summary>
    /// Letters postings of one auxiliary account that cancel out (an invoice and its payments):
    /// returns the lettering code (AA, AB…) shown in the FEC's EcritureLet.
    /// </summary>
    Task<string> LetterAsync(LegalEntityId entity, IReadOnlyList<Guid> postings, DateOnly date, CancellationToken ct = default);

    Task<ActivityBudget> BudgetAsync(ActivityId activity, CancellationToken ct = default);

    /// <summary>The budgets of many activities in one query (a list's page, an office's activities in the red); one per activity asked, zero when it has no posting.</summary>
    Task<IReadOnlyDictionary<ActivityId, ActivityBudget>> BudgetsAsync(IReadOnlyCollection<ActivityId> activities, CancellationToken ct = default);

    /// <summary>
    /// The budget for a decision to spend from it, inside the caller's transaction, as its first statement: the activity's
    /// budget is held until the transaction ends, so two spenders (two countersignatures on two servers) decide one after
    /// the other, the second on a budget that includes what the first committed.
    /// </summary>
    Task<ActivityBudget> BudgetToSpendAsync(ActivityId activity, CancellationToken ct = default);

    /// <summary>Debits minus credits of an entity's account (all its auxiliary accounts included), over all postings.</summary>
    Task<Money> BalanceAsync(LegalEntityId entity, string accountNumber, CancellationToken ct = default);

    /// <summary>
    /// The cooperative's fee on a document of <paramref name="baseAmount"/> excl. VAT (rule of the
    /// entity and module in force on <paramref name="date"/>): its lines, to add to the document's own entry.
    /// </summary>
    Task<CooperativeFee> FeeAsync(LegalEntityId entity, string module, DateOnly date, Money baseAmount, ActivityId activity, CancellationToken ct = default);

    /// <summary>The fee and its shares with their accounts, for a document that posts them itself (the contract-management invoice).</summary>
    Task<FeeComputation> FeeSplitAsync(LegalEntityId entity, string module, DateOnly date, Money baseAmount, CancellationToken ct = default);

    /// <summary>The fee rate (percent excl. VAT) of the rule in force on <paramref name="date"/>, as a contract states it; null when no rule is.</summary>
    Task<decimal?> FeeRateAsync(LegalEntityId entity, string module, DateOnly date, CancellationToken ct = default);

    /// <summary>The same fee's amount only, for estimates (the simulator): nothing to post.</summary>
    Task<Money> FeeTotalAsync(LegalEntityId entity, string module, DateOnly date, Money baseAmount, CancellationToken ct = default);

    Task<ActivityStatement> StatementAsync(ActivityId activity, DateOnly? from, DateOnly? to, int? last, CancellationToken ct = default);

    /// <summary>An activity's balance (revenue − expenses) at the end of each of the <paramref name="months"/> months up to <paramref name="lastDay"/> (the last one: at that day).</summary>
    Task<IReadOnlyList<MonthBalance>> MonthlyBalancesAsync(ActivityId activity, DateOnly lastDay, int months, CancellationToken ct = default);
}

/// <summary>
/// Which activities owe the fixed monthly fee: those of an entity and business module that are
/// active and were opened on or before <c>openedBy</c>. Implemented by the Activities module, which
/// knows their status; the Ledger asks through this interface so that it never calls Activities.
/// </summary>
public interface IFeeBearingActivities
{
    Task<IReadOnlyList<ActivityId>> ActiveAsync(LegalEntityId entity, string module, DateOnly openedBy, CancellationToken ct = default);
}

/// <summary>An activity as staff pick it on an entry line: its id, and the words they know it by.</summary>
public sealed record ActivityChoice(ActivityId Id, string Label);

/// <summary>
/// The activities an entry line may be charged to, named as people know them (a manual entry's activity picker).
/// Implemented by the Activities module; the Ledger asks through this interface so that it never calls Activities.
/// </summary>
public interface IActivityDirectory
{
    /// <summary>The entity's activities, active first then by name, each labelled "Quartet Durand — n° 1042 Jeanne Durand".</summary>
    Task<IReadOnlyList<ActivityChoice>> ChoicesAsync(LegalEntityId entity, CancellationToken ct = default);
}
