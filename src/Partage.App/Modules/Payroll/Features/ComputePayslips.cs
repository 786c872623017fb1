using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>The payroll run's first half: the payslips of the months that ended (the wage batches follow in <see cref="RunPayroll"/>).</summary>
public sealed class ComputePayslips(
    PartageDbContext db, JobPayrollRequests jobs, PayrollParameters parameters, NotifiedTaxRates taxRates, PayslipPosting posting, ILegalEntitiesApi entities, NumberSeries numbers,
    IEnumerable<IPayslipDeductions> deductions, IAuditLog audit, IOptions<PayrollOptions> options, TimeProvider clock)
{
    private const int Chunk = 500;

    /// <summary>
    /// Computes every payslip due by <paramref name="until"/> and not yet computed: the month of a
    /// countersigned job that ended by then, and for a longer job each month that ended by then.
    /// Jobs are taken by chunks of 500 (in number order, so a chunk never comes back), one
    /// transaction each, numbers taken as a block, the automatically validated ones posted together.
    /// </summary>
    public async Task<(int Computed, int AutoValidated)> HandleAsync(DateOnly until, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var catalog = await parameters.CatalogAsync(ct);
        var codes = await entities.CodesAsync(ct);
        var (computed, autoValidated, after) = (0, 0, string.Empty);
        while (true)
        {
            if (await NextChunkAsync(until, after, ct) is not { } chunk)
            {
                return (computed, autoValidated);
            }

            (after, var due) = chunk;
            if (due.Count == 0)
            {
                continue;
            }

            var notified = await taxRates.ForMembersAsync(due.Select(d => d.Job.MemberId).Distinct().ToList(), ct);
            var dfsUsed = await DfsUsedAsync(due.Where(d => d.Job.Dfs is not null).Select(d => d.Job.MemberId).Distinct().ToList(), ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var computedNow = new List<(Payslip Payslip, Job Job)>();
            foreach (var series in due.GroupBy(d => (d.Job.LegalEntityId, d.Month.To.Year)))
            {
                var code = codes[series.Key.LegalEntityId];
                var next = await numbers.NextBlockAsync($"payslip:{code}:{series.Key.Year}", series.Count(), ct) - series.Count() + 1;
                foreach (var (job, month) in series)
                {
                    var rate = notified.GetValueOrDefault(job.MemberId)?.LastOrDefault(r => r.From <= month.To)?.Rate;
                    var used = dfsUsed.GetValueOrDefault((job.MemberId, month.To.Year));
                    var payslip = Compute(job, month, catalog, rate, used, $"BP-{code}-{series.Key.Year}-{next++:D6}");
                    if (job.Dfs is not null)
                    {
                        dfsUsed[(job.MemberId, month.To.Year)] = used + DfsDeducted(payslip);
                    }

                    db.Add(payslip);
                    audit.Record(actor, "payroll.payslip_computed", "payslip", payslip.Id.ToString(), null,
                        new { payslip.Number, Job = job.Number, payslip.Period, payslip.Figures.GrossCents, payslip.Figures.NetPaidCents });
                    computedNow.Add((payslip, job));
                }
            }

            await WithholdAsync(computedNow, actor, ct);
            await db.SaveChangesAsync(ct);
            var automatic = computedNow.Where(c => catalog.ValueOn(PayrollParameters.AutoValidationCode, c.Payslip.To) is > 0 and var limit
                && c.Payslip.Figures.GrossCents <= Rounding.ToCents(limit) && c.Payslip.Figures.EmployerCostCents <= c.Job.EmployerCostCents).ToList();
            await posting.PostAsync(automatic, Actor.System, ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            (computed, autoValidated) = (computed + due.Count, autoValidated + automatic.Count);
        }
    }

    /// <summary>
    /// The next chunk of countersigned jobs after <paramref name="after"/> (by number) whose last
    /// payslip is not computed yet, and their months ended by <paramref name="until"/> without a
    /// payslip; null once no job is left.
    /// </summary>
    private async Task<(string Last, List<(Job Job, ContractMonth Month)> Due)?> NextChunkAsync(DateOnly until, string after, CancellationToken ct)
    {
        var finished = db.Set<Payslip>().Where(p => p.Final).Select(p => p.JobId);
        var started = await db.Set<Job>().AsNoTracking()
            .Where(j => j.Status == JobStatus.Countersigned && j.Start <= until && string.Compare(j.Number, after) > 0 && !finished.Contains(j.Id))
            .OrderBy(j => j.Number).Take(Chunk).ToListAsync(ct);
        if (started.Count == 0)
        {
            return null;
        }

        var ids = started.Select(j => j.Id).ToList();
        var existing = (await db.Set<Payslip>().AsNoTracking().Where(p => ids.Contains(p.JobId)).Select(p => new { p.JobId, p.Period }).ToListAsync(ct))
            .Select(p => (p.JobId, p.Period)).ToHashSet();
        var due = started.SelectMany(job => ContractMonths.Split(job.Start, job.End, job.Hours, job.Cachets, job.GrossCents, job.WorkedDays)
            .Where(m => m.To <= until && !existing.Contains((job.Id, m.Period))).Select(m => (Job: job, Month: m))).ToList();
        return (started[^1].Number, due);
    }

    /// <summary>What each module that withholds after the net pay reserves on the payslips just computed (their cooperative shares).</summary>
    private async Task WithholdAsync(IReadOnlyList<(Payslip Payslip, Job Job)> computed, Actor actor, CancellationToken ct)
    {
        foreach (var source in deductions)
        {
            var reserved = await source.ReserveAsync(
                computed.Select(c => new NetPayToWithhold(c.Payslip.Id, c.Payslip.MemberId, c.Payslip.LegalEntityId, c.Payslip.DueOn, Money.Eur(c.Payslip.TransferCents))).ToList(), actor, ct);
            foreach (var (payslip, _) in computed)
            {
                if (reserved.TryGetValue(payslip.Id, out var deduction))
                {
                    payslip.DeductionCents += deduction.Amount.Cents;
                    payslip.DeductionLabel = deduction.Label;
                }
            }
        }
    }

    /// <summary>The DFS already deducted this calendar year for each member with a DFS (gross less social base of their payslips), for the yearly cap.</summary>
    private async Task<Dictionary<(MemberId, int), decimal>> DfsUsedAsync(IReadOnlyList<MemberId> members, CancellationToken ct)
    {
        var used = new Dictionary<(MemberId, int), decimal>();
        if (members.Count == 0)
        {
            return used;
        }

        var withDfs = db.Set<Job>().Where(j => j.Dfs != null).Select(j => j.Id);
        foreach (var payslip in await db.Set<Payslip>().AsNoTracking().Where(p => members.Contains(p.MemberId) && withDfs.Contains(p.JobId)).ToListAsync(ct))
        {
            var key = (payslip.MemberId, payslip.To.Year);
            used[key] = used.GetValueOrDefault(key) + DfsDeducted(payslip);
        }

        return used;
    }

    private static decimal DfsDeducted(Payslip payslip)
    {
        var result = JsonSerializer.Deserialize<PayrollResult>(payslip.ResultJson, PayrollJson.Options)!;
        return result.Gross - result.SocialBase;
    }

    private Payslip Compute(Job job, ContractMonth month, ParameterCatalog catalog, decimal? notifiedTaxRate, decimal dfsUsedThisYear, string number)
    {
        var result = PayslipEngine.Compute(jobs.For(catalog, job.Kind, job.Cadre, job.Start, job.End, job.GrossCents, month, job.Dfs, dfsUsedThisYear, job.PrecarityExemption), catalog);
        var tax = IncomeTaxWithholding.Compute(result.NetTaxable, notifiedTaxRate, IncomeTaxWithholding.ShortContractAbatement(catalog, job.Start, job.End, month.From), catalog.Resolve(job.Start));
        var figures = PayslipFigures.Of(result, tax);
        return new Payslip
        {
            Id = TypedId.New<PayslipId>(), Number = number, JobId = job.Id, MemberId = job.MemberId, ActivityId = job.ActivityId, OfficeId = job.OfficeId,
            LegalEntityId = job.LegalEntityId, Period = result.Period, From = month.From, To = month.To, Final = month.To == job.End,
            ResultJson = JsonSerializer.Serialize(result, PayrollJson.Options), Figures = figures,
            DueOn = month.To.AddDays(options.Value.PayDelayDays), Status = PayslipStatus.Computed, ComputedAt = clock.GetUtcNow().UtcDateTime,
        };
    }
}
