using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed record PayslipView(
    PayslipId Id, string Number, JobId JobId, string JobNumber, string MemberName, string Period, PayslipStatus Status, Money Gross, Money EmployeeContributions,
    Money EmployerContributions, Money Reductions, Money NetBeforeTax, Money NetTaxable, decimal TaxRate, bool NeutralTaxRate, Money Tax, Money NetPaid, Money EmployerCost,
    DateOnly DueOn, DateOnly? PaidOn, DateTime? ValidatedAt, string? ValidatedBy);

public sealed record PayrollRun(DateOnly Until, int Computed, int AutoValidated, int Batches, int Payments, Money Total, int WithoutIban)
{
    public string Summary => $"{Computed} bulletins calculés ({AutoValidated} validés automatiquement) ; {Batches} lots de virement, {Payments} salaires, {Total.ToDisplayString()} ; {WithoutIban} sans IBAN.";
}

public sealed class Payslips(
    PartageDbContext db, JobPayrollRequests jobs, PayrollParameters parameters, NotifiedTaxRates taxRates, ILedgerApi ledger, IMembersApi members, ILegalEntitiesApi entities, NumberSeries numbers,
    IAuditLog audit, IOptions<PayrollOptions> options, IOptions<PayrollEmployerOptions> employer, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    private const int Chunk = 500;

    /// <summary>
    /// Computes every payslip due by <paramref name="until"/> and not yet computed: the month of a
    /// countersigned job that ended by then, and for a longer job each month that ended by then.
    /// Jobs are taken by chunks of 500 (in number order, so a chunk never comes back), one
    /// transaction each, numbers taken as a block, the automatically validated ones posted together.
    /// </summary>
    public async Task<(int Computed, int AutoValidated)> ComputeDueAsync(DateOnly until, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var catalog = await parameters.CatalogAsync(ct);
        var codes = (await entities.ListAsync(ct)).ToDictionary(e => e.Id, e => e.Code);
        var (computed, autoValidated, after) = (0, 0, string.Empty);
        while (true)
        {
            var finished = db.Set<Payslip>().Where(p => p.Final).Select(p => p.JobId);
            var started = await db.Set<Job>().AsNoTracking()
                .Where(j => j.Status == JobStatus.Countersigned && j.Start <= until && string.Compare(j.Number, after) > 0 && !finished.Contains(j.Id))
                .OrderBy(j => j.Number).Take(Chunk).ToListAsync(ct);
            if (started.Count == 0)
            {
                return (computed, autoValidated);
            }

            after = started[^1].Number;
            var ids = started.Select(j => j.Id).ToList();
            var existing = (await db.Set<Payslip>().AsNoTracking().Where(p => ids.Contains(p.JobId)).Select(p => new { p.JobId, p.Period }).ToListAsync(ct))
                .Select(p => (p.JobId, p.Period)).ToHashSet();
            var due = started.SelectMany(job => ContractMonths.Split(job.Start, job.End, job.Hours, job.Cachets, job.GrossCents)
                .Where(m => m.To <= until && !existing.Contains((job.Id, m.Period))).Select(m => (Job: job, Month: m))).ToList();
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
                        new { payslip.Number, Job = job.Number, payslip.Period, payslip.GrossCents, payslip.NetPaidCents });
                    computedNow.Add((payslip, job));
                }
            }

            await db.SaveChangesAsync(ct);
            var automatic = computedNow.Where(c => catalog.ValueOn(PayrollParameters.AutoValidationCode, c.Payslip.To) is > 0 and var limit
                && c.Payslip.GrossCents <= Rounding.ToCents(limit) && c.Payslip.EmployerCostCents <= c.Job.EmployerCostCents).ToList();
            await PostAsync(automatic, Actor.System, ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            (computed, autoValidated) = (computed + due.Count, autoValidated + automatic.Count);
        }
    }

    public async Task<PayslipView> ValidateAsync(PayslipId id, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var payslip = await db.Set<Payslip>().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        if (payslip.Status != PayslipStatus.Computed)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Ce bulletin est déjà validé.");
        }

        var job = await db.Set<Job>().AsNoTracking().SingleAsync(j => j.Id == payslip.JobId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await PostAsync([(payslip, job)], actor, ct);
        await transaction.CommitAsync(ct);
        return await FindAsync(id, actor, ct);
    }

    public async Task<PayslipView> FindAsync(PayslipId id, Actor actor, CancellationToken ct = default) =>
        (await ViewsAsync(await Visible(actor).Where(p => p.Id == id).ToListAsync(ct), ct)).SingleOrDefault() ?? throw new DomainException(PayrollErrors.NotFound);

    /// <summary>A job's payslips, month by month.</summary>
    public async Task<IReadOnlyList<PayslipView>> ForJobAsync(JobId job, Actor actor, CancellationToken ct = default) =>
        await ViewsAsync(await Visible(actor).Where(p => p.JobId == job).OrderBy(p => p.Period).ToListAsync(ct), ct);

    public async Task<PagedResult<PayslipView>> ListAsync(string? status, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = Visible(actor);
        if (Enum.TryParse<PayslipStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(p => p.Status == wanted);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.DueOn).ThenByDescending(p => p.Number).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<PayslipView>(await ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    /// <summary>The member's "bulletin clarifié" as PDF (<see cref="PayslipDocument"/>).</summary>
    public async Task<(string FileName, byte[] Content)> PdfAsync(PayslipId id, Actor actor, CancellationToken ct = default)
    {
        var payslip = await Visible(actor).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        var job = await db.Set<Job>().AsNoTracking().SingleAsync(j => j.Id == payslip.JobId, ct);
        var person = await members.EmployeeAsync(payslip.MemberId, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == payslip.LegalEntityId);
        var result = JsonSerializer.Deserialize<PayrollResult>(payslip.ResultJson, PayrollJson.Options)!;
        var content = PayslipDocument.Write(new PayslipPrint(payslip.Number, payslip.Period, payslip.From, payslip.To, job.Number, job.Start, job.End,
            entity.Name, $"SIREN {entity.Siren}", $"{entity.Street}, {entity.PostalCode} {entity.City}", $"{person.FirstName} {person.LastName}",
            $"{person.Street}, {person.PostalCode} {person.City}", $"{JobLabels.Kind(job.Kind)}, {Trades.Label(job.TradeCode)}", employer.Value.CollectiveAgreement, result,
            Money.Eur(payslip.NetBeforeTaxCents), Money.Eur(payslip.NetTaxableCents), payslip.TaxRate, payslip.NeutralTaxRate, Money.Eur(payslip.TaxCents),
            Money.Eur(payslip.NetPaidCents), payslip.DueOn, payslip.PaidOn, Money.Eur(payslip.EmployerCostCents), Money.ZeroEur));
        return ($"bulletin-{payslip.Number}.pdf", content);
    }

    internal IQueryable<Payslip> Visible(Actor actor)
    {
        var payslips = db.Set<Payslip>().AsNoTracking();
        return actor.IsCooperativeStaff ? payslips
            : actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office ? payslips.Where(p => p.OfficeId == office)
            : actor.MemberId is { } member ? payslips.Where(p => p.MemberId == member)
            : payslips.Where(_ => false);
    }

    internal async Task<IReadOnlyList<PayslipView>> ViewsAsync(IReadOnlyList<Payslip> rows, CancellationToken ct)
    {
        var people = await members.FindManyAsync(rows.Select(p => p.MemberId).Distinct().ToList(), ct);
        var jobIds = rows.Select(p => p.JobId).ToList();
        var numbersByJob = await db.Set<Job>().AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Number, ct);
        return rows.Select(p => new PayslipView(p.Id, p.Number, p.JobId, numbersByJob[p.JobId], people.GetValueOrDefault(p.MemberId)?.FullName ?? "?", p.Period, p.Status,
            Money.Eur(p.GrossCents), Money.Eur(p.EmployeeContributionsCents), Money.Eur(p.EmployerContributionsCents), Money.Eur(p.ReductionsCents), Money.Eur(p.NetBeforeTaxCents),
            Money.Eur(p.NetTaxableCents), p.TaxRate, p.NeutralTaxRate, Money.Eur(p.TaxCents), Money.Eur(p.NetPaidCents), Money.Eur(p.EmployerCostCents), p.DueOn, p.PaidOn,
            p.ValidatedAt, p.ValidatedBy)).ToList();
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
        var result = PayslipEngine.Compute(jobs.For(catalog, job.Kind, job.Cadre, job.Start, job.End, month, job.Dfs, dfsUsedThisYear), catalog);
        var tax = IncomeTaxWithholding.Compute(result.NetTaxable, notifiedTaxRate, shortContract: job.End < job.Start.AddMonths(2), catalog.Resolve(job.Start));
        var figures = PayslipFigures.Of(result, tax);
        return new Payslip
        {
            Id = TypedId.New<PayslipId>(), Number = number, JobId = job.Id, MemberId = job.MemberId, ActivityId = job.ActivityId, OfficeId = job.OfficeId,
            LegalEntityId = job.LegalEntityId, Period = result.Period, From = month.From, To = month.To, Final = month.To == job.End,
            ResultJson = JsonSerializer.Serialize(result, PayrollJson.Options), GrossCents = figures.GrossCents, EmployeeContributionsCents = figures.EmployeeContributionsCents,
            EmployerContributionsCents = figures.EmployerContributionsCents, ReductionsCents = figures.ReductionsCents, NetBeforeTaxCents = figures.NetBeforeTaxCents,
            NetTaxableCents = figures.NetTaxableCents, TaxRate = figures.TaxRate, NeutralTaxRate = figures.NeutralTaxRate, TaxCents = figures.TaxCents,
            NetPaidCents = figures.NetPaidCents, EmployerCostCents = figures.EmployerCostCents,
            DueOn = month.To.AddDays(options.Value.PayDelayDays), Status = PayslipStatus.Computed, ComputedAt = clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>
    /// The payroll entries of validated payslips, posted together (all or none): per payslip the
    /// employer cost charged to the activity (641 gross, 645 employer contributions after
    /// reductions) against the net due (421), URSSAF (431), the other bodies (437) and the tax
    /// withheld (4421), and the release of the commitment taken at the countersignature.
    /// </summary>
    private async Task PostAsync(IReadOnlyList<(Payslip Payslip, Job Job)> validated, Actor actor, CancellationToken ct)
    {
        if (validated.Count == 0)
        {
            return;
        }

        var jobIds = validated.Select(v => v.Job.Id).Distinct().ToList();
        var costs = (await db.Set<Payslip>().AsNoTracking().Where(p => jobIds.Contains(p.JobId)).Select(p => new { p.JobId, p.Period, p.EmployerCostCents }).ToListAsync(ct))
            .ToLookup(p => p.JobId);
        var requests = new List<PostEntryRequest>();
        foreach (var (payslip, job) in validated)
        {
            var before = costs[job.Id].Where(p => string.CompareOrdinal(p.Period, payslip.Period) < 0).Sum(p => p.EmployerCostCents);
            requests.AddRange(await EntriesAsync(payslip, job, CommitmentRelease(job.EmployerCostCents, before, payslip), ct));
        }

        var posted = (await ledger.PostManyAsync(requests, actor, ct)).Where(e => e.SourceType == "payslip").ToDictionary(e => e.SourceId);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (payslip, _) in validated)
        {
            payslip.Status = PayslipStatus.Validated;
            payslip.ValidatedAt = now;
            payslip.ValidatedBy = actor.Name;
            payslip.PayrollEntryId = posted[payslip.Id.ToString()].Id;
            audit.Record(actor, "payroll.payslip_validated", "payslip", payslip.Id.ToString(), new { Status = PayslipStatus.Computed },
                new { payslip.Number, EntryId = payslip.PayrollEntryId.ToString(), payslip.EmployerCostCents, payslip.NetPaidCents });
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
        return payslip.Final ? committed - releasedBefore : Math.Min(committed, costOfEarlierMonths + payslip.EmployerCostCents) - releasedBefore;
    }

    private async Task<IEnumerable<PostEntryRequest>> EntriesAsync(Payslip payslip, Job job, long release, CancellationToken ct)
    {
        var result = JsonSerializer.Deserialize<PayrollResult>(payslip.ResultJson, PayrollJson.Options)!;
        var entity = job.LegalEntityId;
        async Task<AccountId> Account(string number) => await ledger.AccountAsync(entity, number, ct);
        var lines = new List<PostingLine>
        {
            new(await Account(ChartOfAccounts.Wages), Side.Debit, Money.Eur(payslip.GrossCents), job.ActivityId, "Salaire brut"),
            new(await Account(ChartOfAccounts.SocialCharges), Side.Debit, Money.Eur(payslip.EmployerCostCents - payslip.GrossCents), job.ActivityId, "Cotisations patronales après allègements"),
            new(await Account("421"), Side.Credit, Money.Eur(payslip.NetPaidCents), null, "Net à payer"),
        };
        foreach (var (account, amount, text) in ContributionCredits(result, job.Kind, Money.Eur(payslip.ReductionsCents), Money.Eur(payslip.TaxCents)))
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
    /// (431, after the general reduction), the other bodies (437) and the tax withheld (4421).
    /// </summary>
    public static IReadOnlyList<(string Account, Money Amount, string Label)> ContributionCredits(PayrollResult result, EmployeeKind kind, Money reductions, Money tax)
    {
        ArgumentNullException.ThrowIfNull(result);
        var intermittent = kind != EmployeeKind.RegimeGeneral;
        var byBody = result.Lines.GroupBy(l => ContributionBodies.Of(l.Code, intermittent)).ToDictionary(g => g.Key, g => Cents(g.Sum(l => l.EmployeeAmount + l.EmployerAmount)));
        var urssaf = byBody.GetValueOrDefault(ContributionBodies.Urssaf) - reductions.Cents;
        var others = byBody.Where(b => b.Key != ContributionBodies.Urssaf).Sum(b => b.Value);
        if (urssaf < 0)
        {
            (others, urssaf) = (others + urssaf, 0);
        }

        return new[] { ("431", urssaf, "URSSAF"), ("437", others, "Autres organismes sociaux"), ("4421", tax.Cents, "Prélèvement à la source") }
            .Where(c => c.Item2 > 0).Select(c => (c.Item1, Money.Eur(c.Item2), c.Item3)).ToList();
    }

    private static long Cents(decimal amount) => Rounding.ToCents(amount);

    public static void Map(RouteGroupBuilder payslips)
    {
        payslips.MapGet("/", async (string? status, int? page, int? size, Features.Payslips list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(status, new Infrastructure.PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListPayslips").WithSummary("Les bulletins que l'utilisateur peut voir (membre : les siens)").ProducesProblems();
        payslips.MapGet("/{id:guid}", async (Guid id, Features.Payslips find, ActorAccessor actors, CancellationToken ct) => await find.FindAsync(PayslipId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetPayslip").WithSummary("Un bulletin").ProducesProblems();
        payslips.MapGet("/{id:guid}/pdf", async (Guid id, Features.Payslips pdf, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await pdf.PdfAsync(PayslipId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("PayslipPdf").WithSummary("Le bulletin de paie clarifié en PDF").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        payslips.MapPost("/{id:guid}/validation", async (Guid id, Features.Payslips validate, ActorAccessor actors, CancellationToken ct) =>
                await validate.ValidateAsync(PayslipId.From(id), await actors.GetAsync(ct), ct))
            .WithName("ValidatePayslip").WithSummary("Valider un bulletin : écriture de paie passée, engagement levé (service paie)").ProducesProblems();
    }
}
