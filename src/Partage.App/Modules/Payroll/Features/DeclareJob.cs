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
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed record JobInput(
    string? ActivityId, string? Kind, bool Cadre, string? Trade, string? Description, string? Place, string? Start, string? End, string? Hours, string? Cachets,
    string? Gross, string? UsageReason, string? Dfs)
{
    /// <summary>A technician's days actually worked, when fewer than the contract's calendar days (a rehearsal on days 1 and 5, a show on day 11); empty: every day.</summary>
    public string? WorkedDays { get; init; }

    /// <summary>A régime général CDD with a young person during their school or university holidays: student_holidays, no end-of-contract indemnity (L1243-10 2°).</summary>
    public string? PrecarityExemption { get; init; }

    /// <summary>An intermittent's function, from the list of annex 8 (technicians) or 10 (artists).</summary>
    public string? Function { get; init; }

    /// <summary>"show" or "recording": what the intermittent is hired for.</summary>
    public string? Production { get; init; }

    /// <summary>The show's or recording's title.</summary>
    public string? Title { get; init; }

    public string? OrganiserName { get; init; }

    public string? OrganiserSiret { get; init; }

    public string? OrganiserApe { get; init; }

    /// <summary>The organiser's live-performance licence or declaration receipt number, if it holds one.</summary>
    public string? OrganiserLicence { get; init; }

    /// <summary><see cref="OrganiserRoles"/>: cooperative, licensed_buyer or occasional.</summary>
    public string? OrganiserRole { get; init; }
}

/// <summary>
/// A member declares a job; the checks that must pass before a contract exists (budget, minimum
/// pay, licence for a show, no overlap) run once, all reported together; the contract is numbered
/// in the legal entity's series and waits for the member's signature, then the cooperative's
/// countersignature (<see cref="SignContract"/>, <see cref="CountersignContract"/>).
/// </summary>
public sealed class DeclareJob(
    PartageDbContext db, IActivitiesApi activities, ILegalEntitiesApi entities, ILedgerApi ledger, PayrollParameters parameters, JobPayrollRequests requests,
    IOptions<PayrollEmployerOptions> employer, JobMinimum minimum, NumberSeries numbers, ComplianceLog compliance, JobFlags flags, INotificationsApi notifications, IAuditLog audit, GetJob views, TimeProvider clock)
{
    private const string DefaultUsageReason = "Emploi par nature temporaire dans le secteur du spectacle vivant, où il est d'usage constant de ne pas recourir au CDI (art. L1242-2 3° et D1242-1 6° du code du travail)";

    /// <summary>The job's terms as read from the form; null where the input was refused (the validation then holds why).</summary>
    private sealed record Terms(
        EmployeeKind? Kind, Trade? Trade, string? Description, string? Place, DateOnly? Start, DateOnly? End, decimal? Hours, decimal? Cachets, Money? Gross,
        string? Usage, string? Dfs, int? WorkedDays, string? Exemption, IReadOnlyList<ContractMonth> Months, JobProduction? Production);

    public async Task<JobView> HandleAsync(JobInput input, Actor actor, CancellationToken ct = default)
    {
        var v = new Validation();
        var activity = await ActivityAsync(input.ActivityId, actor, v, ct);
        var t = Read(input, v);
        v.ThrowIfInvalid();
        var entity = (await entities.ListAsync(ct)).Single(x => x.Code == activity!.LegalEntityCode);
        var catalog = await parameters.CatalogAsync(ct);
        var kind = t.Kind!.Value;
        var (start, end, gross) = (t.Start!.Value, t.End!.Value, t.Gross!.Value);
        var payslips = t.Months.Select(m => PayslipEngine.Compute(requests.For(catalog, kind, input.Cadre, start, end, gross.Cents, m, t.Dfs, exemption: t.Exemption), catalog)).ToList();
        var cost = Money.Eur(payslips.Sum(p => Rounding.ToCents(p.EmployerCost)));
        await CheckBeforeContractAsync(activity!, entity, t, cost, actor, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var job = new Job
        {
            Id = TypedId.New<JobId>(), Number = $"CT-{entity.Code}-{start.Year}-{await numbers.NextAsync($"contract:{entity.Code}:{start.Year}", ct):D6}",
            ActivityId = activity!.Id, MemberId = activity.MemberId, OfficeId = activity.OfficeId, LegalEntityId = entity.Id, Kind = kind, Cadre = input.Cadre,
            TradeCode = t.Trade!.Code, Description = t.Description!, Place = t.Place!, Production = t.Production, Start = start, End = end, Hours = t.Hours, Cachets = (int?)t.Cachets, WorkedDays = t.WorkedDays,
            GrossCents = gross.Cents, EmployerCostCents = cost.Cents, NetCents = payslips.Sum(p => Rounding.ToCents(p.NetBeforeTax)),
            UsageReason = t.Usage!, Dfs = t.Dfs, PrecarityExemption = t.Exemption, Status = JobStatus.Declared, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.Add(job);
        await flags.FlagAsync(job, actor, ct);
        audit.Record(actor, "payroll.job_declared", "job", job.Id.ToString(), null,
            new { job.Number, job.GrossCents, job.EmployerCostCents, Start = job.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), End = job.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await notifications.NotifyMemberAsync(job.MemberId, NoticeKind.ContractToSign,
            $"Contrat {job.Number} à signer avant le {job.Start:dd/MM/yyyy} : {job.Description}", $"/travaux/{job.Id}", actor, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(job.Id, actor, ct);
    }

    /// <summary>One of the member's active activities; another's is not found, whatever its state.</summary>
    private async Task<ActivityView?> ActivityAsync(string? id, Actor actor, Validation v, CancellationToken ct)
    {
        var activityId = Guid.TryParse(id, out var parsed) ? ActivityId.From(parsed) : (ActivityId?)null;
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

        return activity;
    }

    private Terms Read(JobInput input, Validation v)
    {
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

        var (dfs, workedDays) = ContractOptions.Check(v, input.Dfs, input.WorkedDays, kind);

        var exemption = string.IsNullOrWhiteSpace(input.PrecarityExemption) ? null : input.PrecarityExemption.Trim();
        if (exemption is not null && (exemption != PrecarityExemptions.StudentHolidays || kind != EmployeeKind.RegimeGeneral))
        {
            v.Add("PrecarityExemption", "À la déclaration, seul un CDD de droit commun conclu avec un jeune pendant ses vacances scolaires ou universitaires est sans indemnité de fin de contrat (student_holidays, art. L1243-10 2°).");
        }

        var (broken, months) = ContractTerms.Check(start, end, hours, cachets, gross, clock.Today(), workedDays);
        foreach (var term in broken)
        {
            v.Add(term.Field, term.Message);
        }

        return new Terms(kind, trade, description, place, start, end, hours, cachets, gross, usage, dfs, (int?)workedDays, exemption, months, JobProduction.Read(input, kind, v));
    }

    /// <summary>The rules a job must meet before its contract exists; every broken one is reported at once, and kept for the compliance page.</summary>
    private async Task CheckBeforeContractAsync(ActivityView activity, LegalEntityView entity, Terms t, Money cost, Actor actor, CancellationToken ct)
    {
        var (start, end) = (t.Start!.Value, t.End!.Value);
        var problems = new List<(string Rule, string Message)>();
        if (JobBudget.Shortfall(await ledger.BudgetAsync(activity.Id, ct), cost) is { } shortfall)
        {
            problems.Add((ComplianceRules.Budget, shortfall));
        }

        if ((await minimum.TableAsync(employer.Value.CollectiveAgreement ?? string.Empty, ct)).Shortfall(t.Trade!.Code, start, t.Hours, (int?)t.Cachets, t.Gross!.Value) is { } underpaid)
        {
            problems.Add((ComplianceRules.Minimum, underpaid));
        }

        problems.AddRange(t.Production?.Problems(t.Kind!.Value) ?? []);

        // A show the cooperative employs for needs its producer's licence, whoever buys it (the GUSO case is refused above).
        var show = t.Production is { Recording: false } || (t.Production is null && activity.ModuleCode == BusinessModules.Shows);
        if (show && entity.ProducerLicenceOn(end) is null)
        {
            problems.Add((ComplianceRules.Licence,
                $"{entity.Name} ne détient pas de licence d'entrepreneur de spectacles (catégorie 2, producteur) valable jusqu'au {end:dd/MM/yyyy} : pas de contrat de spectacle."));
        }

        var overlapping = await db.Set<Job>().AsNoTracking()
            .Where(j => j.MemberId == activity.MemberId && j.Status != JobStatus.Cancelled && j.Start <= end && j.End >= start)
            .Select(j => j.Number).FirstOrDefaultAsync(ct);
        if (overlapping is not null)
        {
            problems.Add((ComplianceRules.Overlap, $"Ces dates chevauchent le contrat {overlapping} du même membre."));
        }

        if (problems.Count > 0)
        {
            await compliance.RefusedAsync((activity.OfficeId, activity.MemberId, activity.Id, t.Description!), null, ComplianceLog.Declaration, problems, actor, ct);

            // The budget alone has its own code: a manager (or the demo) may then wait for sales, whereas other refusals need the job changed.
            throw new DomainException(problems is [{ Rule: ComplianceRules.Budget }] ? PayrollErrors.BudgetExceeded : PayrollErrors.ChecksFailed, string.Join(" ", problems.Select(p => p.Message)));
        }
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapPost("/", async (JobInput input, DeclareJob handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var job = await handler.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/jobs/{job.Id}", job);
            })
            .WithName("DeclareJob").WithSummary("Déclarer un travail : budget, minimum, fonction, organisateur (GUSO), licence et chevauchement vérifiés, contrat établi").ProducesProblems();
    }
}
