using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>How validated payslips reach the books: the payroll entry of each, the release of its job's commitment, who the contributions are owed to.</summary>
public sealed class PayslipPosting(PartageDbContext db, ILedgerApi ledger, INotificationsApi notifications, IEnumerable<IPayslipDeductions> deductions, IAuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// The payroll entries of validated payslips, posted together (all or none): per payslip the
    /// employer cost charged to the activity (641 gross, 645 employer contributions after
    /// reductions) against the net due (421), URSSAF (431), the other bodies (437) and the tax
    /// withheld (4421), and the release of the commitment taken at the countersignature.
    /// </summary>
    internal async Task PostAsync(IReadOnlyList<(Payslip Payslip, Job Job)> validated, Actor actor, CancellationToken ct)
    {
        if (validated.Count == 0)
        {
            return;
        }

        var jobIds = validated.Select(v => v.Job.Id).Distinct().ToList();
        var costs = (await db.Set<Payslip>().AsNoTracking().Where(p => jobIds.Contains(p.JobId)).Select(p => new { p.JobId, p.Period, p.Figures.EmployerCostCents }).ToListAsync(ct))
            .ToLookup(p => p.JobId);
        var requests = new List<PostEntryRequest>();
        foreach (var (payslip, job) in validated)
        {
            var before = costs[job.Id].Where(p => string.CompareOrdinal(p.Period, payslip.Period) < 0).Sum(p => p.EmployerCostCents);
            requests.AddRange(await EntriesAsync(payslip, job, CommitmentRelease(job.EmployerCostCents, before, payslip), ct));
        }

        var posted = (await ledger.PostManyAsync(requests, actor, ct)).Where(e => e.SourceType == "payslip").ToDictionary(e => e.SourceId);
        foreach (var source in deductions)
        {
            await source.SettleAsync(validated.Where(v => v.Payslip.DeductionCents > 0).Select(v => v.Payslip.Id).ToList(), actor, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await notifications.NotifyMembersAsync(NoticeKind.PayslipAvailable, validated.Select(v => new MemberNotice(v.Job.MemberId,
            $"Votre bulletin de paie {v.Payslip.Number} est disponible : {Money.Eur(v.Payslip.TransferCents).ToDisplayString()} {(v.Payslip.DeductionCents > 0 ? "versés" : "net à payer")}", $"/travaux/{v.Job.Id}")).ToList(), actor, ct);
        foreach (var (payslip, _) in validated)
        {
            payslip.Status = PayslipStatus.Validated;
            payslip.ValidatedAt = now;
            payslip.ValidatedBy = actor.Name;
            payslip.PayrollEntryId = posted[payslip.Id.ToString()].Id;
            audit.Record(actor, "payroll.payslip_validated", "payslip", payslip.Id.ToString(), new { Status = PayslipStatus.Computed },
                new { payslip.Number, EntryId = payslip.PayrollEntryId.ToString(), payslip.Figures.EmployerCostCents, payslip.Figures.NetPaidCents });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// What a payslip releases of its job's commitment: each month its cost, until the commitment
    /// is used up, and the last month whatever is left, so that the releases add up to the
    /// commitment exactly whatever order the months are validated in.
    /// </summary>
    internal static long CommitmentRelease(long committed, long costOfEarlierMonths, Payslip payslip)
    {
        var releasedBefore = Math.Min(committed, costOfEarlierMonths);
        return payslip.Final ? committed - releasedBefore : Math.Min(committed, costOfEarlierMonths + payslip.Figures.EmployerCostCents) - releasedBefore;
    }

    private async Task<IEnumerable<PostEntryRequest>> EntriesAsync(Payslip payslip, Job job, long release, CancellationToken ct)
    {
        var result = JsonSerializer.Deserialize<PayrollResult>(payslip.ResultJson, PayrollJson.Options)!;
        var entity = job.LegalEntityId;
        async Task<AccountId> Account(string number) => await ledger.AccountAsync(entity, number, ct);
        var lines = new List<PostingLine>
        {
            new(await Account(ChartOfAccounts.Wages), Side.Debit, Money.Eur(payslip.Figures.GrossCents), job.ActivityId, "Salaire brut"),
            new(await Account(ChartOfAccounts.SocialCharges), Side.Debit, Money.Eur(payslip.Figures.EmployerCostCents - payslip.Figures.GrossCents), job.ActivityId, "Cotisations patronales après allègements"),
            new(await Account("421"), Side.Credit, Money.Eur(payslip.Figures.NetPaidCents), null, "Net à payer"),
        };
        foreach (var (account, amount, text) in ContributionCredits(result, job.Kind, Money.Eur(payslip.Figures.ReductionsCents), Money.Eur(payslip.Figures.TaxCents)))
        {
            lines.Add(new PostingLine(await Account(account), Side.Credit, amount, null, text));
        }

        var entries = new List<PostEntryRequest> { new(entity, "PA", payslip.To, $"Paie {payslip.Number} — {job.Number}", "payslip", payslip.Id.ToString(), $"payslip:{payslip.Id}", lines, payslip.Number) };
        if (job.CommitmentEntryId is not null && release > 0)
        {
            var committed = Money.Eur(release);
            entries.Add(new PostEntryRequest(entity, "OD", payslip.To, $"Fin d'engagement {payslip.Period} — {job.Number}", "job_commitment_release", job.Id.ToString(), $"payslip:{payslip.Id}:commitment-release",
            [
                new PostingLine(await Account(ChartOfAccounts.CommitmentsCounterpart), Side.Debit, committed, null, $"Contrat {job.Number}"),
                new PostingLine(await Account(ChartOfAccounts.CommitmentsGiven), Side.Credit, committed, job.ActivityId, $"Contrat {job.Number}"),
            ], job.Number));
        }

        return entries;
    }

    /// <summary>
    /// Who a payslip's contributions and tax are owed to, as credits of the payroll entry: URSSAF
    /// (431, after the general reduction), the other bodies (437, after the reduction's Agirc-Arrco part) and the tax withheld (4421).
    /// </summary>
    public static IReadOnlyList<(string Account, Money Amount, string Label)> ContributionCredits(PayrollResult result, EmployeeKind kind, Money reductions, Money tax)
    {
        ArgumentNullException.ThrowIfNull(result);
        var intermittent = kind != EmployeeKind.RegimeGeneral;
        var byBody = result.Lines.GroupBy(l => ContributionBodies.Of(l.Code, intermittent)).ToDictionary(g => g.Key, g => Cents(g.Sum(l => l.EmployeeAmount + l.EmployerAmount)));
        // The general reduction's Agirc-Arrco part is paid less to the pension fund, the rest less to URSSAF.
        var retirement = Math.Min(Cents(result.Reductions.Sum(r => r.RetirementShare)), reductions.Cents);
        var urssaf = byBody.GetValueOrDefault(ContributionBodies.Urssaf) - (reductions.Cents - retirement);
        var others = byBody.Where(b => b.Key != ContributionBodies.Urssaf).Sum(b => b.Value) - retirement;
        if (urssaf < 0)
        {
            (others, urssaf) = (others + urssaf, 0);
        }

        return new[] { ("431", urssaf, "URSSAF"), ("437", others, "Autres organismes sociaux"), ("4421", tax.Cents, "Prélèvement à la source") }
            .Where(c => c.Item2 > 0).Select(c => (c.Item1, Money.Eur(c.Item2), c.Item3)).ToList();
    }

    private static long Cents(decimal amount) => Rounding.ToCents(amount);
}
