using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed record JobInput(
    string? ActivityId, string? Kind, bool Cadre, string? Trade, string? Description, string? Place, string? Start, string? End, string? Hours, string? Cachets,
    string? Gross, string? UsageReason, string? Dfs);

public sealed record JobView(
    JobId Id, string Number, ActivityId ActivityId, string ActivityName, string MemberName, string EntityCode, EmployeeKind Kind, bool Cadre, string Trade,
    string Description, string Place, DateOnly Start, DateOnly End, decimal? Hours, int? Cachets, Money Gross, Money EmployerCost, Money Net, string UsageReason,
    JobStatus Status, DateTime? MemberSignedAt, string? MemberSignatureName, DateTime? CountersignedAt, string? CountersignedBy, DateTime? DpaeRecordedAt, DateOnly PayDay);

/// <summary>
/// A member declares a job; the checks that must pass before a contract exists (budget, minimum
/// pay, licence for a show, no overlap) run once, then the member signs and the cooperative
/// countersigns before the start date, recording the DPAE data; the employer cost is committed
/// on the activity's budget from the countersignature.
/// </summary>
public sealed class Jobs(
    PartageDbContext db, IActivitiesApi activities, IMembersApi members, ILegalEntitiesApi entities, ILedgerApi ledger, PayrollParameters parameters,
    IOptions<PayrollEmployerOptions> employer, IOptions<PayrollOptions> options, NumberSeries numbers, IAuditLog audit, TimeProvider clock)
{
    private const string DefaultUsageReason = "Emploi par nature temporaire dans le secteur du spectacle vivant, où il est d'usage constant de ne pas recourir au CDI (art. L1242-2 3° et D1242-1 6° du code du travail)";

    private DateOnly Today => clock.Today();

    public async Task<JobView> DeclareAsync(JobInput input, Actor actor, CancellationToken ct = default)
    {
        var v = new Validation();
        var activityId = Guid.TryParse(input.ActivityId, out var parsedActivity) ? ActivityId.From(parsedActivity) : (ActivityId?)null;
        var activity = activityId is { } a ? await activities.FindVisibleAsync(a, actor, ct) : null;
        if (activityId is null)
        {
            v.Add("ActivityId", "Choisissez une de vos activités.");
        }
        else if (activity is null || !JobsAccess.CanDeclare(actor, activity))
        {
            throw new DomainException(PayrollErrors.NotFound);
        }
        else if (activity.Status != ActivityStatus.Active)
        {
            v.Add("ActivityId", "On ne déclare un travail que dans une activité active.");
        }

        var kind = ContractTerms.Kind(input.Kind);
        if (kind is null)
        {
            v.Add("Kind", "Le statut est salarié (régime général), technicien ou artiste intermittent.");
        }

        var trade = Trades.Find(input.Trade);
        if (trade is null)
        {
            v.Add("Trade", "Choisissez le métier exercé.");
        }

        var description = v.Required("Description", "La description du travail", input.Description, 300);
        var place = v.Required("Place", "Le lieu", input.Place, 200);
        var start = v.Date("Start", "La date de début", input.Start, required: true);
        var end = v.Date("End", "La date de fin", input.End, required: true);
        var hours = v.Hours("Hours", input.Hours, required: kind is EmployeeKind.RegimeGeneral or EmployeeKind.IntermittentTechnician);
        var cachets = v.Cachets("Cachets", input.Cachets, required: kind == EmployeeKind.IntermittentArtist && hours is null);
        var gross = v.Amount("Gross", "Le salaire brut convenu", input.Gross, required: true);
        var usage = v.Optional("UsageReason", "Le motif de recours", input.UsageReason, 300) ?? (kind == EmployeeKind.RegimeGeneral ? null : DefaultUsageReason);
        if (kind == EmployeeKind.RegimeGeneral && usage is null)
        {
            v.Add("UsageReason", "Le motif du CDD est obligatoire (par exemple : accroissement temporaire d'activité, art. L1242-2 2° du code du travail).");
        }

        if (!DfsLabels.Accepts(input.Dfs is "" ? null : input.Dfs, kind))
        {
            v.Add("Dfs", DfsLabels.Refused);
        }

        var (broken, months) = ContractTerms.Check(start, end, hours, cachets, gross, Today);
        foreach (var term in broken)
        {
            v.Add(term.Field, term.Message);
        }

        v.ThrowIfInvalid();
        var entity = (await entities.ListAsync(ct)).Single(x => x.Code == activity!.LegalEntityCode);
        var catalog = await parameters.CatalogAsync(ct);
        var dfs = input.Dfs is "" ? null : input.Dfs;
        var payslips = months.Select(m => PayslipEngine.Compute(Request(catalog, kind!.Value, input.Cadre, start!.Value, end!.Value, m, dfs), catalog)).ToList();
        var cost = Money.Eur(payslips.Sum(p => Rounding.ToCents(p.EmployerCost)));
        await CheckBeforeContractAsync(activity!, entity, kind!.Value, trade!, start!.Value, end!.Value, hours, (int?)cachets, gross!.Value, cost, catalog, ct);

        var year = start.Value.Year;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var job = new Job
        {
            Id = TypedId.New<JobId>(), Number = $"CT-{entity.Code}-{year}-{await numbers.NextAsync($"contract:{entity.Code}:{year}", ct):D6}",
            ActivityId = activity!.Id, MemberId = activity.MemberId, OfficeId = activity.OfficeId, LegalEntityId = entity.Id, Kind = kind.Value, Cadre = input.Cadre,
            TradeCode = trade!.Code, Description = description, Place = place, Start = start.Value, End = end.Value, Hours = hours, Cachets = (int?)cachets,
            GrossCents = gross.Value.Cents, EmployerCostCents = cost.Cents, NetCents = payslips.Sum(p => Rounding.ToCents(p.NetBeforeTax)),
            UsageReason = usage!, Dfs = dfs, Status = JobStatus.Declared, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.Add(job);
        audit.Record(actor, "payroll.job_declared", "job", job.Id.ToString(), null,
            new { job.Number, job.GrossCents, job.EmployerCostCents, Start = job.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), End = job.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await FindAsync(job.Id, actor, ct);
    }

    /// <summary>The member signs their contract online, before the start date ("lu et approuvé": name, time and IP kept).</summary>
    public async Task<JobView> SignAsync(JobId id, string? name, string? ip, Actor actor, CancellationToken ct = default)
    {
        var job = await LoadAsync(id, actor, ct);
        if (actor.MemberId != job.MemberId)
        {
            throw new DomainException(PayrollErrors.NotFound);
        }

        var v = new Validation();
        var signature = v.Required("Name", "Votre nom (signature)", name, 200);
        v.ThrowIfInvalid();
        RequireBeforeStart(job);
        if (job.Status != JobStatus.Declared)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Ce contrat n'attend pas votre signature.");
        }

        job.Status = JobStatus.Signed;
        job.MemberSignedAt = clock.GetUtcNow().UtcDateTime;
        job.MemberSignatureName = signature;
        job.MemberSignatureIp = ip;
        audit.Record(actor, "payroll.contract_signed", "job", job.Id.ToString(), null, new { job.Number, Name = signature, Ip = ip });
        await db.SaveChangesAsync(ct);
        return await FindAsync(id, actor, ct);
    }

    /// <summary>
    /// The cooperative countersigns before the start date: the DPAE data is recorded at once, and
    /// the employer cost is committed on the activity's budget (8011/8091).
    /// </summary>
    public async Task<JobView> CountersignAsync(JobId id, Actor actor, CancellationToken ct = default)
    {
        var job = await LoadAsync(id, actor, ct);
        if (!JobsAccess.CanCountersign(actor, job))
        {
            throw new DomainException(PayrollErrors.NotFound);
        }

        RequireBeforeStart(job);
        if (job.Status != JobStatus.Signed)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Le membre doit signer son contrat avant la contre-signature.");
        }

        var member = await members.EmployeeAsync(job.MemberId, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        if (member.Nir is null)
        {
            throw new DomainException(PayrollErrors.DpaeIncomplete);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cost = Money.Eur(job.EmployerCostCents);
        var entry = await ledger.PostAsync(new PostEntryRequest(job.LegalEntityId, "OD", Today, $"Engagement — contrat {job.Number}", "job_commitment", job.Id.ToString(),
            $"job:{job.Id}:commitment",
            [
                new PostingLine(await ledger.AccountAsync(job.LegalEntityId, ChartOfAccounts.CommitmentsGiven, ct), Side.Debit, cost, job.ActivityId, $"Contrat {job.Number}"),
                new PostingLine(await ledger.AccountAsync(job.LegalEntityId, ChartOfAccounts.CommitmentsCounterpart, ct), Side.Credit, cost, null, $"Contrat {job.Number}"),
            ], job.Number), actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        job.Status = JobStatus.Countersigned;
        job.CountersignedAt = now;
        job.CountersignedBy = actor.Name;
        job.DpaeRecordedAt = now;
        job.CommitmentEntryId = entry.Id;
        audit.Record(actor, "payroll.contract_countersigned", "job", job.Id.ToString(), null, new { job.Number, Dpae = now, CommitmentCents = cost.Cents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await FindAsync(id, actor, ct);
    }

    public async Task<JobView> FindAsync(JobId id, Actor actor, CancellationToken ct = default) =>
        (await ViewsAsync([await LoadAsync(id, actor, ct)], ct))[0];

    public async Task<PagedResult<JobView>> ListAsync(string? status, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = db.Set<Job>().AsNoTracking().Visible(actor);
        if (Enum.TryParse<JobStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(j => j.Status == wanted);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(j => j.Start).ThenByDescending(j => j.Number).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<JobView>(await ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    /// <summary>
    /// One month of a contract as the engine needs it, with the cooperative as the employer: the
    /// whole contract's dates (the engine prorates the ceiling to the days in the month and knows
    /// a short contract from them), the month's days, hours, cachets and gross.
    /// </summary>
    internal PayrollRequest Request(ParameterCatalog catalog, EmployeeKind kind, bool cadre, DateOnly start, DateOnly end, ContractMonth month, string? dfs, decimal dfsUsedThisYear = 0) =>
        new(month.Period, employer.Value.ToInput(catalog, month.From),
            new EmployeeInput(kind switch { EmployeeKind.RegimeGeneral => "regime_general", EmployeeKind.IntermittentTechnician => "intermittent_technician", _ => "intermittent_artist" }, cadre, dfs)
            {
                DfsUsedThisYear = dfsUsedThisYear,
            },
            new ContractInput(kind == EmployeeKind.RegimeGeneral ? "CDD" : "CDDU", start, end), new WorkInput(month.Hours, month.Days, month.Cachets), Money.Eur(month.GrossCents).Amount);

    internal async Task<Job> LoadAsync(JobId id, Actor actor, CancellationToken ct) =>
        await db.Set<Job>().Visible(actor).SingleOrDefaultAsync(j => j.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);

    internal async Task<IReadOnlyList<JobView>> ViewsAsync(IReadOnlyList<Job> jobs, CancellationToken ct)
    {
        var people = await members.FindManyAsync(jobs.Select(j => j.MemberId).Distinct().ToList(), ct);
        var codes = (await entities.ListAsync(ct)).ToDictionary(e => e.Id, e => e.Code);
        var names = await activities.NamesAsync(jobs.Select(j => j.ActivityId).ToList(), ct);

        return jobs.Select(j => new JobView(j.Id, j.Number, j.ActivityId, names.GetValueOrDefault(j.ActivityId, "?"), people.GetValueOrDefault(j.MemberId)?.FullName ?? "?", codes[j.LegalEntityId],
            j.Kind, j.Cadre, Trades.Label(j.TradeCode), j.Description, j.Place, j.Start, j.End, j.Hours, j.Cachets, Money.Eur(j.GrossCents), Money.Eur(j.EmployerCostCents),
            Money.Eur(j.NetCents), j.UsageReason, j.Status, j.MemberSignedAt, j.MemberSignatureName, j.CountersignedAt, j.CountersignedBy, j.DpaeRecordedAt,
            j.PayDay(options.Value.PayDelayDays))).ToList();
    }

    private void RequireBeforeStart(Job job)
    {
        if (Today >= job.Start)
        {
            throw new DomainException(PayrollErrors.TooLate, $"Le contrat se signe et la DPAE se fait avant le début du travail ({job.Start:dd/MM/yyyy}) : déclarez un nouveau travail.");
        }
    }

    /// <summary>The rules a job must meet before its contract exists; every broken one is reported at once.</summary>
    private async Task CheckBeforeContractAsync(
        ActivityView activity, LegalEntityView entity, EmployeeKind kind, Trade trade, DateOnly start, DateOnly end, decimal? hours, int? cachets, Money gross,
        Money cost, ParameterCatalog catalog, CancellationToken ct)
    {
        var problems = new List<string>();
        var budget = await ledger.BudgetAsync(activity.Id, ct);
        var canPay = budget.Available + budget.InvoicedUnpaid;
        var overBudget = cost > canPay;
        if (overBudget)
        {
            problems.Add($"L'activité ne peut pas payer ce travail : coût employeur {cost.ToDisplayString()}, disponible et factures confirmées {canPay.ToDisplayString()}.");
        }

        var minimum = await MinimumAsync(kind, trade, start, hours, cachets, catalog, ct);
        if (gross < minimum.Amount)
        {
            problems.Add($"Le brut est inférieur au minimum applicable : {minimum.Amount.ToDisplayString()} ({minimum.Basis}).");
        }

        if (activity.ModuleCode == BusinessModules.Shows && !entity.Licences.Any(l => l.Category == 2 && l.ValidUntil >= end))
        {
            problems.Add($"{entity.Name} ne détient pas de licence d'entrepreneur de spectacles (catégorie 2, producteur) valable jusqu'au {end:dd/MM/yyyy} : pas de contrat de spectacle.");
        }

        var overlapping = await db.Set<Job>().AsNoTracking()
            .Where(j => j.MemberId == activity.MemberId && j.Status != JobStatus.Cancelled && j.Start <= end && j.End >= start)
            .Select(j => j.Number).FirstOrDefaultAsync(ct);
        if (overlapping is not null)
        {
            problems.Add($"Ces dates chevauchent le contrat {overlapping} du même membre.");
        }

        if (problems.Count > 0)
        {
            // The budget alone has its own code: a manager (or the demo) may then wait for sales, whereas other refusals need the job changed.
            throw new DomainException(overBudget && problems.Count == 1 ? PayrollErrors.BudgetExceeded : PayrollErrors.ChecksFailed, string.Join(" ", problems));
        }
    }

    private async Task<(Money Amount, string Basis)> MinimumAsync(EmployeeKind kind, Trade trade, DateOnly start, decimal? hours, int? cachets, ParameterCatalog catalog, CancellationToken ct)
    {
        var agreement = employer.Value.CollectiveAgreement ?? string.Empty;
        var rates = await db.Set<MinimumRate>().AsNoTracking()
            .Where(r => r.CollectiveAgreement == agreement && (r.TradeCode == trade.Code || r.TradeCode == "*") && r.From <= start)
            .ToListAsync(ct);
        var unit = cachets is not null && hours is null ? MinimumUnit.Cachet : MinimumUnit.Hour;
        var conventional = rates.Where(r => r.Unit == unit).GroupBy(r => r.TradeCode).Select(g => g.OrderBy(r => r.From).Last())
            .OrderBy(r => r.TradeCode == "*" ? 1 : 0).FirstOrDefault();
        var quantity = unit == MinimumUnit.Cachet ? cachets!.Value : hours ?? 0;
        var smic = unit == MinimumUnit.Hour ? Money.Eur(Rounding.ToCents(catalog.ValueOn("smic_horaire", start)!.Value * quantity)) : Money.ZeroEur;
        var agreed = conventional is null ? Money.ZeroEur : Money.Eur(Rounding.ToCents(conventional.Amount * quantity));
        return agreed > smic
            ? (agreed, $"minimum conventionnel IDCC {agreement} de {Money.Eur(Rounding.ToCents(conventional!.Amount)).ToDisplayString()} par {(unit == MinimumUnit.Cachet ? "cachet" : "heure")} depuis le {conventional.From:dd/MM/yyyy}")
            : (smic, $"SMIC horaire × {quantity.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))} h");
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapGet("/", async (string? status, int? page, int? size, Features.Jobs list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(status, new Infrastructure.PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListJobs").WithSummary("Les travaux et contrats que l'utilisateur peut voir (membre : les siens ; chargé d'accompagnement : son bureau)").ProducesProblems();
        jobs.MapPost("/", async (Features.JobInput input, Features.Jobs declare, ActorAccessor actors, CancellationToken ct) =>
            {
                var job = await declare.DeclareAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/jobs/{job.Id}", job);
            })
            .WithName("DeclareJob").WithSummary("Déclarer un travail : budget, minimum, licence et chevauchement vérifiés, contrat établi").ProducesProblems();
        jobs.MapGet("/{id:guid}", async (Guid id, Features.Jobs find, ActorAccessor actors, CancellationToken ct) => await find.FindAsync(JobId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetJob").WithSummary("Un travail et son contrat").ProducesProblems();
        jobs.MapPost("/{id:guid}/signature", async (Guid id, SignatureInput input, HttpContext http, Features.Jobs sign, ActorAccessor actors, CancellationToken ct) =>
                await sign.SignAsync(JobId.From(id), input.Name, http.Connection.RemoteIpAddress?.ToString(), await actors.GetAsync(ct), ct))
            .WithName("SignContract").WithSummary("Le membre signe son contrat (avant le début)").ProducesProblems();
        jobs.MapPost("/{id:guid}/countersignature", async (Guid id, Features.Jobs countersign, ActorAccessor actors, CancellationToken ct) =>
                await countersign.CountersignAsync(JobId.From(id), await actors.GetAsync(ct), ct))
            .WithName("CountersignContract").WithSummary("La coopérative contre-signe (service paie ou chargé d'accompagnement) : DPAE enregistrée, coût engagé").ProducesProblems();
    }
}
