using Partage.Kernel;

namespace Partage.App.Modules.Ledger;

public enum Side
{
    Debit,
    Credit,
}

/// <summary>
/// A general account of one legal entity (PCG number), or an auxiliary account under it (a client
/// under 411: Number 411, AuxiliaryCode the client's code), as the FEC's CompteNum/CompAuxNum.
/// </summary>
public sealed class LedgerAccount
{
    public AccountId Id { get; init; }

    public LegalEntityId LegalEntityId { get; init; }

    public string Number { get; init; } = string.Empty;

    public string Label { get; init; } = string.Empty;

    public string? AuxiliaryCode { get; init; }

    public string? AuxiliaryLabel { get; init; }

    /// <summary>What the account belongs to when it is not the entity's own: "client", "fund"…</summary>
    public string? OwnerType { get; init; }

    public Guid? OwnerId { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>The PCG class: the first digit (1–5 balance sheet, 6 expenses, 7 revenue, 8 off-balance commitments).</summary>
    public int Class => Number[0] - '0';
}

public sealed class Journal
{
    public LegalEntityId LegalEntityId { get; init; }

    public string Code { get; init; } = string.Empty;

    public string Label { get; init; } = string.Empty;
}

public sealed class FiscalYear
{
    public Guid Id { get; init; }

    public LegalEntityId LegalEntityId { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly EndsOn { get; init; }

    public DateTime? ClosedAt { get; set; }

    public DateRange Range => new(StartsOn, EndsOn);
}

/// <summary>A month that finance staff closed: nothing posts into it any more.</summary>
public sealed class ClosedPeriod
{
    public LegalEntityId LegalEntityId { get; init; }

    public int Year { get; init; }

    public int Month { get; init; }

    public DateTime ClosedAt { get; init; }

    public string ClosedBy { get; init; } = string.Empty;
}

/// <summary>A posted journal entry. Never updated or deleted (the database refuses it too).</summary>
public sealed class JournalEntry
{
    public EntryId Id { get; init; }

    public LegalEntityId LegalEntityId { get; init; }

    public string JournalCode { get; init; } = string.Empty;

    public Guid FiscalYearId { get; init; }

    /// <summary>Gapless per journal and fiscal year.</summary>
    public long Number { get; init; }

    public DateOnly AccountingDate { get; init; }

    public string Label { get; init; } = string.Empty;

    /// <summary>The document the entry comes from ("invoice", "payslip", "manual"…) and its id.</summary>
    public string SourceType { get; init; } = string.Empty;

    public string SourceId { get; init; } = string.Empty;

    /// <summary>The document's own reference (invoice number…), the FEC's PieceRef.</summary>
    public string PieceRef { get; init; } = string.Empty;

    public string IdempotencyKey { get; init; } = string.Empty;

    public EntryId? ReversesEntryId { get; init; }

    public DateTime PostedAt { get; init; }

    public string PostedBy { get; init; } = string.Empty;

    public List<Posting> Postings { get; init; } = [];
}

public sealed class Posting
{
    public Guid Id { get; init; }

    public EntryId EntryId { get; init; }

    public int LineNumber { get; init; }

    public AccountId AccountId { get; init; }

    public Side Side { get; init; }

    /// <summary>Cents, always positive; the side says which way.</summary>
    public long Amount { get; init; }

    /// <summary>
    /// The entry's accounting date, carried on each line (immutable like the rest) so that an
    /// activity's statement reads its last movements straight off one index.
    /// </summary>
    public DateOnly AccountingDate { get; init; }

    /// <summary>The activity whose analytical section the posting belongs to (its budget).</summary>
    public ActivityId? ActivityId { get; init; }

    public string? Label { get; init; }

    /// <summary>Debit positive, credit negative: the sign used to sum balances.</summary>
    public long Signed => Side == Side.Debit ? Amount : -Amount;
}

/// <summary>A matching of postings on one auxiliary account (payment ↔ invoices), the FEC's EcritureLet/DateLet.</summary>
public sealed class Lettering
{
    public Guid Id { get; init; }

    public LegalEntityId LegalEntityId { get; init; }

    public string Code { get; init; } = string.Empty;

    public DateOnly Date { get; init; }

    public DateTime CreatedAt { get; init; }
}

public sealed class LetteredPosting
{
    public Guid LetteringId { get; init; }

    public Guid PostingId { get; init; }
}
