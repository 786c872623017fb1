using Partage.Kernel;

namespace Partage.App.Modules.Members;

/// <summary>How long the platform keeps what it must not keep forever (section `Retention`).</summary>
public sealed class RetentionOptions
{
    /// <summary>
    /// Days an application that never became a membership (refused, or never confirmed or decided) is kept after it was
    /// made, for questions about it; then it is anonymised. No wage and no invoice was ever tied to it.
    /// </summary>
    public int ApplicationDays { get; set; } = 180;

    /// <summary>
    /// Days a former member's record is kept after they were set inactive, even with nothing the law holds: time for
    /// questions, a late invoice or a return. The legal periods below run on their own and usually end later.
    /// </summary>
    public int FormerMemberDays { get; set; } = 365;

    /// <summary>Years the employer keeps payslips and contracts after the period they cover (Code du travail, L3243-4).</summary>
    public int PayrollYears { get; set; } = 5;

    /// <summary>
    /// Years accounting documents are kept (Code de commerce, L123-22), counted from the close of the fiscal year — taken
    /// as a year after the document, never earlier than the real close whatever the cooperative's fiscal year.
    /// </summary>
    public int AccountingYears { get; set; } = 10;

    /// <summary>The last day records of this kind, the last of them made on <paramref name="lastRecorded"/>, must be kept.</summary>
    public DateOnly KeptUntil(RetainedRecords kind, DateOnly lastRecorded) =>
        kind == RetainedRecords.Payroll ? lastRecorded.AddYears(PayrollYears) : lastRecorded.AddYears(AccountingYears + 1);
}

/// <summary>The legal retention a kind of record falls under.</summary>
public enum RetainedRecords
{
    /// <summary>Contracts and payslips: `Retention:PayrollYears` after the last day they cover or its payment.</summary>
    Payroll,

    /// <summary>Accounting documents: `Retention:AccountingYears` after the close of the fiscal year of the last one.</summary>
    Accounting,
}

/// <summary>
/// A module whose records name a member and must be kept for a legal period after them (Payroll: contracts and payslips;
/// Invoicing: invoices and quotes). Members asks every one before it erases a former member; the module implements this
/// interface instead of Members reading its tables, so the module graph has no cycle.
/// </summary>
public interface IMemberRecordKeeper
{
    RetainedRecords Kind { get; }

    /// <summary>For each of these members who has such records, the day of the last one (its end, or its payment if later).</summary>
    Task<IReadOnlyDictionary<MemberId, DateOnly>> LastRecordedAsync(IReadOnlyCollection<MemberId> members, CancellationToken ct = default);
}
