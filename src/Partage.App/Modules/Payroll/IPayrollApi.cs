using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Activities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll;

/// <summary>What other modules (the contract-management service) use of payroll: the dated parameters, the payslip document, the pay delay.</summary>
public interface IPayrollApi
{
    Task<ParameterCatalog> CatalogAsync(CancellationToken ct = default);

    /// <summary>What a contract of <paramref name="agreement"/> pays at least (<see cref="MinimumTable"/>): the SMIC or the agreement's minimum for the trade, per hour or cachet.</summary>
    Task<MinimumTable> MinimaAsync(string agreement, CancellationToken ct = default);

    byte[] PayslipPdf(PayslipPrint print);

    byte[] ContractPdf(ContractPrint print, string author);

    /// <summary>The employment certificate at a contract's end (AEM of an intermittent, France Travail's otherwise).</summary>
    (string FileName, byte[] Content) CertificatePdf(CertificatePrint print);

    /// <summary>The credits of a payroll entry for a payslip's contributions and tax: URSSAF (431), other bodies (437), tax withheld (4421).</summary>
    IReadOnlyList<(string Account, Money Amount, string Label)> ContributionCredits(PayrollResult result, EmployeeKind kind, Money reductions, Money tax);

    /// <summary>Days after the end of the service (or the month) on which the net wage is paid.</summary>
    int PayDelayDays { get; }

    /// <summary>The monthly DSN file of a submission, with the contribution codes of its month; refused for a period the writer's norm does not cover.</summary>
    Task<DsnDocument> DsnAsync(DsnSubmission submission, CancellationToken ct = default);

    /// <summary>
    /// Keeps the DSN of an employer under a complete mandate that the cooperative files in their name, as the entities' own are
    /// kept (payroll staff; numbered, replaced after a deposit until the due date, marked deposited on /api/v1/payroll/dsn-filings).
    /// <paramref name="build"/> receives the file's rank in the month and whether it replaces a deposited one.
    /// </summary>
    Task<Features.DsnFilingView> KeepEmployerDsnAsync(Features.DsnOwner owner, DateOnly month, Func<int, bool, Task<DsnDocument>> build, Actor actor, CancellationToken ct = default);

    /// <summary>The DSN kept for an employer under mandate, newest first (payroll staff).</summary>
    Task<IReadOnlyList<Features.DsnFilingView>> EmployerDsnFilingsAsync(Guid employerId, Actor actor, CancellationToken ct = default);

    /// <summary>
    /// The previous year's contributions an establishment declares in this month's DSN (S21.G00.82: the supplementary
    /// apprenticeship contribution in March, the apprenticeship tax balance in April), on that year's payslip results, which
    /// <paramref name="yearResults"/> gives and is asked for only in those months. Their reference is the URSSAF's SIRET:
    /// refused when one is due without it, saying where to set it (<paramref name="siretSetting"/>).
    /// </summary>
    Task<IReadOnlyList<DsnEstablishmentContribution>> YearlyContributionsAsync(
        DateOnly month, string? urssafSiret, string siretSetting, Func<int, Task<IReadOnlyList<PayrollResult>>> yearResults, CancellationToken ct = default);

    /// <summary>An entity's establishment references (NIC, APE, URSSAF, phone), if all are configured.</summary>
    Features.EstablishmentOptions? Establishment(string entityCode);

    /// <summary>An entity as a DSN's declarant; refused, naming the settings to complete.</summary>
    DsnDeclarant DsnDeclarant(string entityCode, string entityName, string siren);

    /// <summary>A member's countersigned jobs (the contract exists, its DPAE is recorded) that end on or after <paramref name="endingFrom"/>, latest first: the jobs their meal and lodging allowances name.</summary>
    Task<IReadOnlyList<JobSummary>> MemberJobsAsync(MemberId member, DateOnly endingFrom, CancellationToken ct = default);

    /// <summary>For each period, in an office or all: the jobs (contracts not cancelled) starting in it, and the gross pay of the payslips of its days.</summary>
    Task<IReadOnlyList<PayrollTotals>> PayrollAsync(IReadOnlyList<DateRange> periods, OfficeId? office, CancellationToken ct = default);

    /// <summary>The jobs (contracts not cancelled) starting in a period, in an office or all, counted by trade code (the annual report's contracts by trade).</summary>
    Task<IReadOnlyDictionary<string, int>> JobsByTradeAsync(DateRange period, OfficeId? office, CancellationToken ct = default);
}

/// <summary>An office's payroll in a period (its dashboard): how many jobs start in it, and the gross pay of its payslips.</summary>
public sealed record PayrollTotals(DateRange Period, int Jobs, long GrossCents);

/// <summary>A job as other modules see it: its number, activity, days and place, and whether its pay takes the DFS (which already covers the artist's expenses).</summary>
public sealed record JobSummary(JobId Id, string Number, ActivityId ActivityId, string Description, string Place, DateOnly Start, DateOnly End, bool Dfs);

public sealed record DsnDocument(string FileName, string ContentType, byte[] Content);

internal sealed class PayrollApi(
    PayrollParameters parameters, JobMinimum minimum, Microsoft.Extensions.Options.IOptions<PayrollOptions> options, Features.FileEntityDsn filings, PartageDbContext db) : IPayrollApi
{
    public Task<ParameterCatalog> CatalogAsync(CancellationToken ct = default) => parameters.CatalogAsync(ct);

    public Task<MinimumTable> MinimaAsync(string agreement, CancellationToken ct = default) => minimum.TableAsync(agreement, ct);

    public byte[] PayslipPdf(PayslipPrint print) => PayslipDocument.Write(print);

    public byte[] ContractPdf(ContractPrint print, string author) => ContractDocument.Write(print, author);

    public (string FileName, byte[] Content) CertificatePdf(CertificatePrint print) => CertificateDocument.Write(print);

    public IReadOnlyList<(string Account, Money Amount, string Label)> ContributionCredits(PayrollResult result, EmployeeKind kind, Money reductions, Money tax) =>
        Features.PayslipPosting.ContributionCredits(result, kind, reductions, tax);

    public int PayDelayDays => options.Value.PayDelayDays;

    public async Task<DsnDocument> DsnAsync(DsnSubmission submission, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return DsnFile.Document(submission, DsnFile.ComplementsOn(await parameters.CatalogAsync(ct), new DateOnly(submission.Year, submission.Month, 1)));
    }

    public Task<Features.DsnFilingView> KeepEmployerDsnAsync(Features.DsnOwner owner, DateOnly month, Func<int, bool, Task<DsnDocument>> build, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return owner.EmployerId is null ? throw new ArgumentException("An employer's DSN names the employer.", nameof(owner)) : filings.KeepAsync(owner, month, build, actor, ct);
    }

    public Task<IReadOnlyList<Features.DsnFilingView>> EmployerDsnFilingsAsync(Guid employerId, Actor actor, CancellationToken ct = default) => filings.ListOfEmployerAsync(employerId, actor, ct);

    public async Task<IReadOnlyList<DsnEstablishmentContribution>> YearlyContributionsAsync(
        DateOnly month, string? urssafSiret, string siretSetting, Func<int, Task<IReadOnlyList<PayrollResult>>> yearResults, CancellationToken ct = default) =>
        await DsnFile.YearlyContributionsAsync(await parameters.CatalogAsync(ct), month, urssafSiret, siretSetting, yearResults);

    public Features.EstablishmentOptions? Establishment(string entityCode) => options.Value.Establishment(entityCode);

    public DsnDeclarant DsnDeclarant(string entityCode, string entityName, string siren) => options.Value.DsnDeclarant(entityCode, entityName, siren);

    public async Task<IReadOnlyList<JobSummary>> MemberJobsAsync(MemberId member, DateOnly endingFrom, CancellationToken ct = default) =>
        await db.Set<Job>().AsNoTracking().Where(j => j.MemberId == member && j.Status == JobStatus.Countersigned && j.End >= endingFrom)
            .OrderByDescending(j => j.Start).ThenByDescending(j => j.Number)
            .Select(j => new JobSummary(j.Id, j.Number, j.ActivityId, j.Description, j.Place, j.Start, j.End, j.Dfs != null)).ToListAsync(ct);

    public async Task<IReadOnlyList<PayrollTotals>> PayrollAsync(IReadOnlyList<DateRange> periods, OfficeId? office, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var totals = new List<PayrollTotals>();
        foreach (var period in periods)
        {
            var (from, to) = (period.Start, period.End);
            var jobs = await Jobs(period, office).CountAsync(ct);
            // A payslip belongs to the period its first day falls in: a longer job's payslips are cut at each month's end.
            var gross = await db.Set<Payslip>().AsNoTracking().Where(p => p.From >= from && p.From <= to && (office == null || p.OfficeId == office)).SumAsync(p => p.Figures.GrossCents, ct);
            totals.Add(new PayrollTotals(period, jobs, gross));
        }

        return totals;
    }

    public async Task<IReadOnlyDictionary<string, int>> JobsByTradeAsync(DateRange period, OfficeId? office, CancellationToken ct = default) =>
        await Jobs(period, office).GroupBy(j => j.TradeCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>The contracts that count: not cancelled, starting in the period.</summary>
    private IQueryable<Job> Jobs(DateRange period, OfficeId? office)
    {
        var (from, to) = (period.Start, period.End);
        return db.Set<Job>().AsNoTracking().Where(j => j.Status != JobStatus.Cancelled && j.Start >= from && j.Start <= to && (office == null || j.OfficeId == office));
    }
}

/// <summary>
/// A payment another module owes, to be made in the cooperative's SEPA batches: a net wage (or allowance) of an
/// employer's staff, a supplier's invoice, a member's expense note. The release debits <see cref="DebitAccount"/>
/// (the supplier's account) or, when none is given, the wages due (421).
/// </summary>
public sealed record DueWage(Guid Id, LegalEntityId LegalEntityId, string PayeeName, string Iban, Money Amount, string Reference, string Label, AccountId? DebitAccount = null);

/// <summary>
/// Payments kept outside this module that the daily run batches with the members' wages: the wages of the staff
/// of employers whose payroll the cooperative runs (Employers), the suppliers' invoices approved (Purchases).
/// Each of those modules implements it; Payroll calls every one in its own transaction and never depends on them.
/// </summary>
public interface IWageSource
{
    /// <summary>Computes the payslips due by then; returns how many.</summary>
    Task<int> ComputeDueAsync(DateOnly until, Actor actor, CancellationToken ct = default);

    /// <summary>The validated net wages (and allowances) due by then and in no batch yet.</summary>
    Task<IReadOnlyList<DueWage>> DueWagesAsync(DateOnly until, CancellationToken ct = default);

    /// <summary>Puts wages into a payment batch; returns how many joined (those already in a batch do not).</summary>
    Task<int> JoinBatchAsync(Guid batch, IReadOnlyCollection<Guid> wages, CancellationToken ct = default);

    Task<IReadOnlyList<DueWage>> BatchWagesAsync(Guid batch, CancellationToken ct = default);

    /// <summary>The batch was released: its wages are paid on that day.</summary>
    Task WagesPaidAsync(Guid batch, DateOnly paidOn, CancellationToken ct = default);
}

/// <summary>
/// Hires kept outside this module (employers' staff) that go into the DPAE file the cooperative
/// deposits as declarant. Implemented by the Employers module, for the same reason as <see cref="IWageSource"/>.
/// </summary>
public interface IHiringSource
{
    Task<IReadOnlyList<Features.DpaeDeclaration>> DpaeDeclarationsAsync(DateOnly from, DateOnly to, string declarantPhone, CancellationToken ct = default);
}
