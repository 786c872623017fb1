using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed record StaffPayslipView(
    Guid Id, string Number, Guid ContractId, string ContractNumber, EmployerId EmployerId, string StaffName, string Period, StaffPayslipStatus Status, Money Gross,
    Money NetBeforeTax, Money Tax, Money NetPaid, Money Allowances, Money EmployerCost, DateOnly DueOn, DateOnly? PaidOn, Guid? InvoiceId);

/// <summary>
/// The staff's payslips: computed by the payroll engine with the employer's parameters at the end
/// of each month of a contract, validated by payroll staff (the advance to the employer posted),
/// paid with the members' wages in the day's SEPA batches.
/// </summary>
public sealed class StaffPayroll(PartageDbContext db, IPayrollApi payroll, ILedgerApi ledger, ILegalEntitiesApi entities, NumberSeries numbers, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The entity that carries the contract-management service and pays the staff.</summary>
    internal async Task<LegalEntityView> EntityAsync(CancellationToken ct) =>
        (await entities.ListAsync(ct)).First(e => e.Modules.Contains(BusinessModules.ContractManagement));

    /// <summary>Computes every month of a contract that ended by <paramref name="until"/> and has no payslip; safe to re-run.</summary>
    public async Task<int> ComputeDueAsync(DateOnly until, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var finished = db.Set<StaffPayslip>().Join(db.Set<StaffContract>(), p => p.ContractId, c => c.Id, (p, c) => new { p.ContractId, p.To, c.End })
            .Where(x => x.To == x.End).Select(x => x.ContractId);
        var contracts = await db.Set<StaffContract>().AsNoTracking().Where(c => c.Start <= until && !finished.Contains(c.Id)).OrderBy(c => c.Number).ToListAsync(ct);
        if (contracts.Count == 0)
        {
            return 0;
        }

        var ids = contracts.Select(c => c.Id).ToList();
        var existing = (await db.Set<StaffPayslip>().AsNoTracking().Where(p => ids.Contains(p.ContractId)).Select(p => new { p.ContractId, p.Period }).ToListAsync(ct))
            .Select(p => (p.ContractId, p.Period)).ToHashSet();
        var due = contracts.SelectMany(c => ContractMonths.Split(c.Start, c.End, c.Hours, c.Cachets, c.GrossCents)
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
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var series in due.GroupBy(d => d.Month.To.Year))
        {
            var next = await numbers.NextBlockAsync($"staff-payslip:{series.Key}", series.Count(), ct) - series.Count() + 1;
            foreach (var (contract, month) in series)
            {
                var employer = profiles[contract.EmployerId];
                var mandate = mandates[contract.EmployerId].First(m => m.Covers(month.From, month.To));
                var request = new PayrollRequest(month.Period,
                    new Partage.Payroll.EmployerInput(employer.Headcount, employer.AtMpRate, 0, false, true, employer.CollectiveAgreement),
                    new EmployeeInput(contract.Kind switch { EmployeeKind.RegimeGeneral => "regime_general", EmployeeKind.IntermittentTechnician => "intermittent_technician", _ => "intermittent_artist" }, contract.Cadre, contract.Dfs)
                    {
                        DfsUsedThisYear = contract.Dfs is null ? null : dfsUsed.GetValueOrDefault((contract.StaffMemberId, month.To.Year)),
                    },
                    new ContractInput(contract.Kind == EmployeeKind.RegimeGeneral ? "CDD" : "CDDU", contract.Start, contract.End),
                    new WorkInput(month.Hours, month.Days, month.Cachets), Money.Eur(month.GrossCents).Amount);
                var result = PayslipEngine.Compute(request, catalog);
                var tax = IncomeTaxWithholding.Compute(result.NetTaxable, null, shortContract: contract.End < contract.Start.AddMonths(2), catalog.Resolve(contract.Start));
                var figures = PayslipFigures.Of(result, tax);
                var payslip = new StaffPayslip
                {
                    Id = Guid.CreateVersion7(), Number = $"BG-{series.Key}-{next++:D6}", ContractId = contract.Id, EmployerId = contract.EmployerId, Mandate = mandate.Kind,
                    Period = month.Period, From = month.From, To = month.To, ResultJson = JsonSerializer.Serialize(result, PayrollJson.Options), GrossCents = figures.GrossCents,
                    EmployeeContributionsCents = figures.EmployeeContributionsCents, EmployerContributionsCents = figures.EmployerContributionsCents,
                    ReductionsCents = figures.ReductionsCents, NetBeforeTaxCents = figures.NetBeforeTaxCents, NetTaxableCents = figures.NetTaxableCents, TaxRate = figures.TaxRate,
                    TaxCents = figures.TaxCents, NetPaidCents = figures.NetPaidCents, EmployerCostCents = figures.EmployerCostCents,
                    AllowancesCents = month.To == contract.End ? contract.AllowancesCents : 0, DueOn = month.To.AddDays(payroll.PayDelayDays),
                    Status = StaffPayslipStatus.Computed, ComputedAt = clock.GetUtcNow().UtcDateTime,
                };
                if (contract.Dfs is not null)
                {
                    dfsUsed[(contract.StaffMemberId, month.To.Year)] = dfsUsed.GetValueOrDefault((contract.StaffMemberId, month.To.Year)) + result.Gross - result.SocialBase;
                }

                db.Add(payslip);
                audit.Record(actor, "employers.payslip_computed", "employer_payslip", payslip.Id.ToString(), null, new { payslip.Number, Contract = contract.Number, payslip.GrossCents, payslip.NetPaidCents });
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due.Count;
    }

    /// <summary>
    /// Payroll staff validate a payslip: the advance to the employer is posted (467 of the employer
    /// against the net wage and allowances due, 421, and under a complete mandate the contributions
    /// and tax, 431, 437, 4421).
    /// </summary>
    public async Task<StaffPayslipView> ValidateAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var payslip = await db.Set<StaffPayslip>().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        if (payslip.Status != StaffPayslipStatus.Computed)
        {
            throw new DomainException(EmployersErrors.WrongStatus, "Ce bulletin est déjà validé.");
        }

        var contract = await db.Set<StaffContract>().AsNoTracking().SingleAsync(c => c.Id == payslip.ContractId, ct);
        var employer = await db.Set<Employer>().AsNoTracking().SingleAsync(e => e.Id == payslip.EmployerId, ct);
        var entity = (await EntityAsync(ct)).Id;
        async Task<AccountId> Account(string number) => await ledger.AccountAsync(entity, number, ct);
        var result = JsonSerializer.Deserialize<PayrollResult>(payslip.ResultJson, PayrollJson.Options)!;
        var lines = new List<PostingLine>
        {
            new(await AdvancesAccountAsync(entity, employer, ct), Side.Debit, Money.Eur(payslip.AdvanceCents), null, $"Avance paie {payslip.Number}"),
            new(await Account("421"), Side.Credit, Money.Eur(payslip.NetPaidCents + payslip.AllowancesCents), null, "Net et frais à payer"),
        };
        if (payslip.Mandate == MandateKind.Complete)
        {
            foreach (var (account, amount, text) in payroll.ContributionCredits(result, contract.Kind, Money.Eur(payslip.ReductionsCents), Money.Eur(payslip.TaxCents)))
            {
                lines.Add(new PostingLine(await Account(account), Side.Credit, amount, null, text));
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entry = await ledger.PostAsync(new PostEntryRequest(entity, "PA", payslip.To, $"Paie pour compte de {employer.Name} — {payslip.Number}", "employer_payslip", payslip.Id.ToString(),
            $"employer-payslip:{payslip.Id}", lines, payslip.Number), actor, ct);
        payslip.Status = StaffPayslipStatus.Validated;
        payslip.ValidatedAt = clock.GetUtcNow().UtcDateTime;
        payslip.ValidatedBy = actor.Name;
        payslip.EntryId = entry.Id.Value;
        audit.Record(actor, "employers.payslip_validated", "employer_payslip", payslip.Id.ToString(), new { Status = StaffPayslipStatus.Computed.ToString() },
            new { payslip.Number, payslip.AdvanceCents, EntryId = entry.Id.ToString() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await FindAsync(id, actor, ct);
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
            .Join(db.Set<StaffContract>().Where(c => c.Dfs != null && people.Contains(c.StaffMemberId)), p => p.ContractId, c => c.Id, (p, c) => new { c.StaffMemberId, p.To, p.ResultJson })
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            var result = JsonSerializer.Deserialize<PayrollResult>(row.ResultJson, PayrollJson.Options)!;
            used[(row.StaffMemberId, row.To.Year)] = used.GetValueOrDefault((row.StaffMemberId, row.To.Year)) + result.Gross - result.SocialBase;
        }

        return used;
    }

    public async Task<StaffPayslipView> FindAsync(Guid id, Actor actor, CancellationToken ct = default) =>
        (await ViewsAsync(await Visible(actor).Where(p => p.Id == id).ToListAsync(ct), ct)).SingleOrDefault() ?? throw new DomainException(EmployersErrors.NotFound);

    /// <summary>An employer's payslips (payroll staff: every employer's, filtered by status).</summary>
    public async Task<PagedResult<StaffPayslipView>> ListAsync(EmployerId? employer, string? status, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = Visible(actor);
        if (employer is { } e)
        {
            query = query.Where(p => p.EmployerId == e);
        }

        if (Enum.TryParse<StaffPayslipStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(p => p.Status == wanted);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.To).ThenByDescending(p => p.Number).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<StaffPayslipView>(await ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    /// <summary>The bulletin clarifié, with the employer as employer (the cooperative runs its payroll under mandate).</summary>
    public async Task<(string FileName, byte[] Content)> PdfAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var payslip = await Visible(actor).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var contract = await db.Set<StaffContract>().AsNoTracking().SingleAsync(c => c.Id == payslip.ContractId, ct);
        var person = await db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == contract.StaffMemberId, ct);
        var employer = await db.Set<Employer>().AsNoTracking().SingleAsync(e => e.Id == payslip.EmployerId, ct);
        var result = JsonSerializer.Deserialize<PayrollResult>(payslip.ResultJson, PayrollJson.Options)!;
        var content = payroll.PayslipPdf(new PayslipPrint(payslip.Number, payslip.Period, payslip.From, payslip.To, contract.Number, contract.Start, contract.End,
            employer.Name, $"SIRET {employer.Siret}, APE {employer.Ape}", $"{employer.Street}, {employer.PostalCode} {employer.City} (paie gérée par mandat)",
            person.FullName, $"né(e) le {person.BirthDate:dd/MM/yyyy}", $"{JobLabels.Kind(contract.Kind)}, {contract.Job}{(contract.Event.Length > 0 ? " — " + contract.Event : string.Empty)}",
            employer.CollectiveAgreement, result, Money.Eur(payslip.NetBeforeTaxCents), Money.Eur(payslip.NetTaxableCents), payslip.TaxRate, NeutralTaxRate: true,
            Money.Eur(payslip.TaxCents), Money.Eur(payslip.NetPaidCents), payslip.DueOn, payslip.PaidOn, Money.Eur(payslip.EmployerCostCents), Money.Eur(payslip.AllowancesCents)));
        return ($"bulletin-{payslip.Number}.pdf", content);
    }

    internal async Task<IReadOnlyList<DueWage>> DueWagesAsync(DateOnly until, CancellationToken ct) =>
        await WagesAsync(db.Set<StaffPayslip>().Where(p => p.Status == StaffPayslipStatus.Validated && p.PaymentBatchId == null && p.DueOn <= until), ct);

    internal async Task<IReadOnlyList<DueWage>> BatchWagesAsync(Guid batch, CancellationToken ct) =>
        await WagesAsync(db.Set<StaffPayslip>().Where(p => p.PaymentBatchId == batch), ct);

    /// <summary>Puts wages into a batch; only those still outside any batch join it (the count tells the caller whether all did).</summary>
    internal Task<int> JoinBatchAsync(Guid batch, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Set<StaffPayslip>().Where(p => ids.Contains(p.Id) && p.PaymentBatchId == null).ExecuteUpdateAsync(u => u.SetProperty(p => p.PaymentBatchId, batch), ct);

    internal Task<int> PaidAsync(Guid batch, DateOnly paidOn, CancellationToken ct) =>
        db.Set<StaffPayslip>().Where(p => p.PaymentBatchId == batch)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, StaffPayslipStatus.Paid).SetProperty(p => p.PaidOn, paidOn), ct);

    /// <summary>The employer's 467 auxiliary account: what the cooperative advanced for it and not yet invoiced.</summary>
    internal Task<AccountId> AdvancesAccountAsync(LegalEntityId entity, Employer employer, CancellationToken ct) => EmployerAccountAsync(entity, "467", employer, ct);

    /// <summary>The employer's auxiliary account under a general account (467 advances, 411 receivable), created on first use.</summary>
    internal Task<AccountId> EmployerAccountAsync(LegalEntityId entity, string generalNumber, Employer employer, CancellationToken ct) =>
        ledger.AuxiliaryAccountAsync(entity, generalNumber, "E" + employer.Id.Value.ToString("N")[..10].ToUpperInvariant(), employer.Name, "employer", employer.Id.Value, ct);

    internal IQueryable<StaffPayslip> Visible(Actor actor)
    {
        var payslips = db.Set<StaffPayslip>().AsNoTracking();
        var visible = db.Set<Employer>().Visible(actor).Select(e => e.Id);
        return payslips.Where(p => visible.Contains(p.EmployerId));
    }

    private async Task<IReadOnlyList<DueWage>> WagesAsync(IQueryable<StaffPayslip> query, CancellationToken ct)
    {
        var entity = (await EntityAsync(ct)).Id;
        var rows = await query.AsNoTracking()
            .Join(db.Set<StaffContract>(), p => p.ContractId, c => c.Id, (p, c) => new { p.Id, p.Number, p.Period, p.NetPaidCents, p.AllowancesCents, Contract = c.Number, c.StaffMemberId })
            .Join(db.Set<StaffMember>(), x => x.StaffMemberId, s => s.Id, (x, s) => new { x.Id, x.Number, x.Period, x.NetPaidCents, x.AllowancesCents, x.Contract, s.FirstName, s.LastName, s.Iban })
            .OrderBy(x => x.Number).ToListAsync(ct);
        return rows.Select(r => new DueWage(r.Id, entity, $"{r.FirstName} {r.LastName}", r.Iban, Money.Eur(r.NetPaidCents + r.AllowancesCents), r.Number,
            $"Salaire {r.Period} contrat {r.Contract} bulletin {r.Number}")).ToList();
    }

    private async Task<IReadOnlyList<StaffPayslipView>> ViewsAsync(IReadOnlyList<StaffPayslip> rows, CancellationToken ct)
    {
        var contractIds = rows.Select(p => p.ContractId).Distinct().ToList();
        var contracts = await db.Set<StaffContract>().AsNoTracking().Where(c => contractIds.Contains(c.Id))
            .Join(db.Set<StaffMember>(), c => c.StaffMemberId, s => s.Id, (c, s) => new { c.Id, c.Number, Name = s.FirstName + " " + s.LastName }).ToDictionaryAsync(c => c.Id, ct);
        return rows.Select(p => new StaffPayslipView(p.Id, p.Number, p.ContractId, contracts[p.ContractId].Number, p.EmployerId, contracts[p.ContractId].Name, p.Period, p.Status,
            Money.Eur(p.GrossCents), Money.Eur(p.NetBeforeTaxCents), Money.Eur(p.TaxCents), Money.Eur(p.NetPaidCents), Money.Eur(p.AllowancesCents), Money.Eur(p.EmployerCostCents),
            p.DueOn, p.PaidOn, p.InvoiceId)).ToList();
    }

    public static void Map(RouteGroupBuilder payslips)
    {
        payslips.MapGet("/", async (Guid? employer, string? status, int? page, int? size, StaffPayroll list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(employer is { } e ? EmployerId.From(e) : null, status, new PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListStaffPayslips").WithSummary("Les bulletins du personnel des employeurs (un employeur : les siens)").ProducesProblems();
        payslips.MapGet("/{id:guid}", async (Guid id, StaffPayroll find, ActorAccessor actors, CancellationToken ct) => await find.FindAsync(id, await actors.GetAsync(ct), ct))
            .WithName("GetStaffPayslip").WithSummary("Un bulletin du personnel d'un employeur").ProducesProblems();
        payslips.MapPost("/{id:guid}/validation", async (Guid id, StaffPayroll validate, ActorAccessor actors, CancellationToken ct) =>
                await validate.ValidateAsync(id, await actors.GetAsync(ct), ct))
            .WithName("ValidateStaffPayslip").WithSummary("Valider un bulletin (service paie) : l'avance à l'employeur est comptabilisée").ProducesProblems();
        payslips.MapGet("/{id:guid}/pdf", async (Guid id, StaffPayroll documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.PdfAsync(id, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("StaffPayslipPdf").WithSummary("Le bulletin de paie en PDF (bulletin clarifié), l'employeur comme employeur").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
