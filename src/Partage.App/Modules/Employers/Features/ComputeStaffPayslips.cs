using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>
/// The staff's payslips computed by the payroll engine with the employer's parameters, one per
/// month of a contract once the month (or the contract) has ended; run by the payroll month
/// (Payroll's <see cref="IWageSource"/>) and safe to re-run.
/// </summary>
public sealed class ComputeStaffPayslips(PartageDbContext db, IPayrollApi payroll, StaffTaxRates taxRates, NumberSeries numbers, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Computes every month of a contract that ended by <paramref name="until"/> and has no payslip; returns how many.</summary>
    public async Task<int> HandleAsync(DateOnly until, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var finished = db.Set<StaffPayslip>().Join(db.Set<StaffContract>(), p => p.ContractId, c => c.Id, (p, c) => new { p.ContractId, p.To, c.End })
            .Where(x => x.To == x.End).Select(x => x.ContractId);
        var contracts = await db.Set<StaffContract>().AsNoTracking().Where(c => c.Start <= until && !finished.Contains(c.Id)).OrderBy(c => c.Number).ToListAsync(ct);
        var ids = contracts.Select(c => c.Id).ToList();
        var existing = (await db.Set<StaffPayslip>().AsNoTracking().Where(p => ids.Contains(p.ContractId)).Select(p => new { p.ContractId, p.Period }).ToListAsync(ct))
            .Select(p => (p.ContractId, p.Period)).ToHashSet();
        var due = contracts.SelectMany(c => c.Months().Values.OrderBy(m => m.From)
            .Where(m => m.To <= until && !existing.Contains((c.Id, m.Period))).Select(m => (Contract: c, Month: m))).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var catalog = await payroll.CatalogAsync(ct);
        var employerIds = due.Select(d => d.Contract.EmployerId).Distinct().ToList();
        var profiles = await db.Set<Employer>().AsNoTracking().Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var mandates = (await db.Set<Mandate>().AsNoTracking().Where(m => employerIds.Contains(m.EmployerId)).ToListAsync(ct)).ToLookup(m => m.EmployerId);
        var dfsUsed = await DfsUsedAsync(due.Where(d => d.Contract.Dfs is not null).Select(d => d.Contract.StaffMemberId).Distinct().ToList(), ct);
        var notified = await taxRates.ForPeopleAsync(due.Select(d => d.Contract.StaffMemberId).Distinct().ToList(), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var series in due.GroupBy(d => d.Month.To.Year))
        {
            var next = await numbers.NextBlockAsync($"staff-payslip:{series.Key}", series.Count(), ct) - series.Count() + 1;
            foreach (var (contract, month) in series)
            {
                var mandate = mandates[contract.EmployerId].First(m => m.Covers(month.From, month.To));
                var rate = notified[contract.StaffMemberId].LastOrDefault(r => r.From <= month.To)?.Rate;
                var payslip = Compute($"BG-{series.Key}-{next++:D6}", contract, month, profiles[contract.EmployerId], mandate.Kind, catalog, rate, dfsUsed);
                db.Add(payslip);
                audit.Record(actor, "employers.payslip_computed", "employer_payslip", payslip.Id.ToString(), null, new { payslip.Number, Contract = contract.Number, payslip.Figures.GrossCents, payslip.Figures.NetPaidCents });
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due.Count;
    }

    /// <summary>
    /// One month's payslip, the employer's headcount, AT/MP rate and agreement as its parameters, the tax at the rate notified
    /// for the person on the month's last day (else the default grid); the DFS it deducts counted into the person's year.
    /// </summary>
    private StaffPayslip Compute(
        string number, StaffContract contract, ContractMonth month, Employer employer, MandateKind mandate, ParameterCatalog catalog, decimal? notifiedTaxRate, Dictionary<(Guid Person, int Year), decimal> dfsUsed)
    {
        var year = (contract.StaffMemberId, month.To.Year);
        var request = new PayrollRequest(month.Period,
            new Partage.Payroll.EmployerInput(employer.Headcount, employer.AtMpRate, 0, false, true, employer.CollectiveAgreement),
            new EmployeeInput(contract.Kind switch { EmployeeKind.RegimeGeneral => "regime_general", EmployeeKind.IntermittentTechnician => "intermittent_technician", _ => "intermittent_artist" }, contract.Cadre, DfsLabels.Category(contract.Dfs))
            {
                DfsUsedThisYear = contract.Dfs is null ? null : dfsUsed.GetValueOrDefault(year),
            },
            new ContractInput(contract.Kind == EmployeeKind.RegimeGeneral ? "CDD" : "CDDU", contract.Start, contract.End)
            {
                EndOfContract = month.To == contract.End ? new EndOfContractInput(Kernel.Money.Eur(contract.GrossCents).Amount, null) : null,
            },
            new WorkInput(month.Hours, month.WorkedDays ?? month.Days, month.Cachets), Kernel.Money.Eur(month.GrossCents).Amount);
        var result = PayslipEngine.Compute(request, catalog);
        var tax = IncomeTaxWithholding.Compute(result.NetTaxable, notifiedTaxRate, IncomeTaxWithholding.ShortContractAbatement(catalog, contract.Start, contract.End, month.From), catalog.Resolve(contract.Start));
        var figures = PayslipFigures.Of(result, tax);
        if (contract.Dfs is not null)
        {
            dfsUsed[year] = dfsUsed.GetValueOrDefault(year) + result.Gross - result.SocialBase;
        }

        return new StaffPayslip
        {
            Id = Guid.CreateVersion7(), Number = number, ContractId = contract.Id, EmployerId = contract.EmployerId, Mandate = mandate,
            Period = month.Period, From = month.From, To = month.To, ResultJson = JsonSerializer.Serialize(result, PayrollJson.Options), Figures = figures,
            AllowancesCents = month.To == contract.End ? contract.AllowancesCents : 0, DueOn = month.To.AddDays(payroll.PayDelayDays),
            Status = StaffPayslipStatus.Computed, ComputedAt = clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>The DFS already deducted per person and calendar year by this service's payslips (gross less social base), which the yearly cap counts.</summary>
    private async Task<Dictionary<(Guid Person, int Year), decimal>> DfsUsedAsync(IReadOnlyList<Guid> people, CancellationToken ct)
    {
        var used = new Dictionary<(Guid, int), decimal>();
        if (people.Count == 0)
        {
            return used;
        }

        var rows = await db.Set<StaffPayslip>().AsNoTracking()
            .Join(db.Set<StaffContract>().Where(c => c.Dfs != null && people.Contains(c.StaffMemberId)), p => p.ContractId, c => c.Id, (p, c) => new { c.StaffMemberId, Payslip = p })
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            var result = row.Payslip.Result();
            used[(row.StaffMemberId, row.Payslip.To.Year)] = used.GetValueOrDefault((row.StaffMemberId, row.Payslip.To.Year)) + result.Gross - result.SocialBase;
        }

        return used;
    }
}
