using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;
using Partage.App.Modules.Audit;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>
/// The monthly DSN of one of the cooperative's entities as the employer of its members (nature 01, one
/// establishment): every validated payslip of the month's period, régime général and intermittents
/// alike, each under its contract and person, with the same writer as the employers' DSN.
/// </summary>
public sealed class GetEntityDsn(
    PartageDbContext db, ILegalEntitiesApi entities, IMembersApi members, PayrollParameters parameters, IOptions<PayrollOptions> options,
    IOptions<PayrollEmployerOptions> employer, IAuditLog audit, TimeProvider clock)
{
    public async Task<DsnDocument> HandleAsync(string? entityCode, string? month, bool test, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var (entity, first) = await ReadAsync(entityCode, month, ct);
        var document = await BuildAsync(entity, first, test, 1, replacement: false, ct);
        await audit.RecordPersonalDataReadAsync(actor, document.FileName, null, ct);
        return document;
    }

    /// <summary>The entity and the month's first day, checked; bad input named field by field.</summary>
    internal async Task<(LegalEntityView Entity, DateOnly First)> ReadAsync(string? entityCode, string? month, CancellationToken ct)
    {
        var v = new Validation();
        var code = v.Required("entity", "L'entité", entityCode, 10);
        var declared = v.Month("month", "Le mois déclaré", month, required: true);
        var entity = code is null ? null : (await entities.ListAsync(ct)).FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase));
        if (code is not null && entity is null)
        {
            v.Add("entity", $"Aucune entité ne porte le code « {code} ».");
        }

        v.ThrowIfInvalid();
        return (entity!, declared!.Value.Start);
    }

    /// <summary>The month's declaration: its rank among the month's files and whether it replaces the one deposited.</summary>
    internal async Task<DsnDocument> BuildAsync(LegalEntityView entity, DateOnly first, bool test, int ordinal, bool replacement, CancellationToken ct)
    {
        var last = first.AddMonths(1).AddDays(-1);
        var declarant = options.Value.DsnDeclarant(entity.Code, entity.Name, entity.Siren);
        var period = $"{first.Year:D4}-{first.Month:D2}";
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.LegalEntityId == entity.Id && p.Period == period).OrderBy(p => p.Number).ToListAsync(ct);
        var pending = payslips.Count(p => p.Status == PayslipStatus.Computed);
        if (pending > 0)
        {
            throw new DomainException(PayrollErrors.DsnNotReady, $"{pending} bulletin(s) de {period} ne sont pas encore validés : validez-les avant de produire la DSN.");
        }

        var jobIds = payslips.Select(p => p.JobId).Distinct().ToList();
        var jobs = await db.Set<Job>().AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct);
        var people = await members.EmployeesAsync(jobs.Values.Select(j => j.MemberId).ToList(), ct);
        var catalog = await parameters.CatalogAsync(ct);
        var individuals = Individuals(payslips, jobs, people);
        var balance = await DsnFile.YearlyContributionsAsync(catalog, first, options.Value.Establishment(entity.Code)?.UrssafSiret, $"Payroll:Establishments:{entity.Code}:UrssafSiret",
            async year => (await db.Set<Payslip>().AsNoTracking().Where(p => p.LegalEntityId == entity.Id && p.Period.StartsWith($"{year:D4}-")).Select(p => p.ResultJson).ToListAsync(ct))
                .Select(json => System.Text.Json.JsonSerializer.Deserialize<PayrollResult>(json, PayrollJson.Options)!).ToList());
        var licence = entity.Licences.Where(l => l.ValidUntil >= last).OrderBy(l => l.Category).Select(l => l.Number).FirstOrDefault();
        return DsnFile.Document(new DsnSubmission(first.Year, first.Month, test, clock.Today(),
            new DsnSender(entity.Siren, declarant.Nic, entity.Name, entity.Street, entity.PostalCode, entity.City, declarant.Contact),
            new DsnEmployer(declarant.Siret, declarant.Ape, entity.Name, entity.Street, entity.PostalCode, entity.City, employer.Value.CollectiveAgreement ?? string.Empty, declarant.Contact,
                catalog.Resolve(last).MonthlyHours, declarant.AtRiskCode, catalog.ValueOn(PayrollEmployerOptions.AtMpRateCode, last) ?? 0m, declarant.CongesSpectacles, licence),
            individuals) { Ordinal = ordinal, Replacement = replacement, EstablishmentContributions = balance }, DsnFile.ComplementsOn(catalog, first));
    }

    /// <summary>The month's people, each with their contracts and payslips.</summary>
    private static List<DsnIndividual> Individuals(List<Payslip> payslips, Dictionary<JobId, Job> jobs, IReadOnlyDictionary<MemberId, EmployeeIdentity> people)
    {
        var individuals = new List<DsnIndividual>();
        foreach (var byPerson in payslips.GroupBy(p => jobs[p.JobId].MemberId))
        {
            var person = people[byPerson.Key];
            var nir = person.Nir is { } text && Nir.TryParse(text, out var parsed, out _) ? parsed
                : throw new DomainException(PayrollErrors.DsnNotReady, $"Le numéro de sécurité sociale de {person.FirstName} {person.LastName} (membre n° {person.Number}) manque : complétez sa fiche.");
            individuals.Add(new DsnIndividual(nir, person.LastName, person.FirstName, person.BirthDate, person.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                person.Street, person.PostalCode, person.City, byPerson.GroupBy(p => p.JobId).Select(byJob =>
                {
                    var job = jobs[byJob.Key];
                    var months = ContractMonths.Split(job.Start, job.End, job.Hours, job.Cachets, job.GrossCents).ToDictionary(m => m.Period);
                    return new DsnContract(job.Number, job.Kind, job.Cadre, job.Description, job.TradeCode, job.Start, job.End, byJob.Select(p =>
                        new DsnPayslip(p.Number, p.From, p.To, p.PaidOn ?? p.DueOn, System.Text.Json.JsonSerializer.Deserialize<PayrollResult>(p.ResultJson, PayrollJson.Options)!,
                            Money.Eur(p.Figures.NetTaxableCents), Money.Eur(p.Figures.NetPaidCents), p.Figures.TaxRate, !p.Figures.NeutralTaxRate, Money.Eur(p.Figures.TaxCents),
                            months[p.Period].Hours, months[p.Period].Cachets)).ToList());
                }).ToList()) { BirthPlace = person.BirthPlace, BirthCountry = person.BirthCountry });
        }

        return individuals.OrderBy(i => i.LastName, StringComparer.Ordinal).ThenBy(i => i.FirstName, StringComparer.Ordinal).ToList();
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/dsn", async (string? entity, string? month, bool? test, GetEntityDsn handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var dsn = await handler.HandleAsync(entity, month, test ?? false, await actors.GetAsync(ct), ct);
                return TypedResults.File(dsn.Content, dsn.ContentType, dsn.FileName);
            })
            .WithName("EntityDsn")
            .WithSummary("La DSN mensuelle d'une entité pour ses salariés membres, au format NEODeS, depuis les bulletins validés du mois (entity=CAE, month=AAAA-MM, test=true pour un envoi d'essai)")
            .ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "text/plain");
    }
}
