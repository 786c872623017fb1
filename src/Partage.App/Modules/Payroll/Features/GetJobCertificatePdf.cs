using System.Text.Json;
using Partage.App.Modules.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>
/// The employment certificate of a member's ended job, the entity as employer: the AEM of an
/// intermittent (each month's hours or cachets counted in hours, gross, unemployment base and
/// contributions, net paid), France Travail's certificate for a régime général CDD. Made once every
/// payslip of the job is validated; the member sees their own, payroll staff and the office's manager theirs.
/// </summary>
public sealed class GetJobCertificatePdf(
    PartageDbContext db, GetJob jobs, IMembersApi members, ILegalEntitiesApi entities, PayrollParameters parameters, IOptions<PayrollOptions> options,
    IOptions<PayrollEmployerOptions> employer, IAuditLog audit, TimeProvider clock)
{
    public async Task<(string FileName, byte[] Content)> HandleAsync(JobId id, Actor actor, CancellationToken ct = default)
    {
        var certificate = await WriteAsync(id, actor, ct);
        if (actor.MemberId is null)   // the employee reading their own certificate is not recorded
        {
            await audit.RecordPersonalDataReadAsync(actor, certificate.FileName, 1, ct);   // the full social security number of someone else
        }

        return certificate;
    }

    private async Task<(string FileName, byte[] Content)> WriteAsync(JobId id, Actor actor, CancellationToken ct)
    {
        var job = await jobs.LoadAsync(id, actor, ct);
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.JobId == job.Id).OrderBy(p => p.From).ToListAsync(ct);
        if (!payslips.Any(p => p.Final) || payslips.Any(p => p.Status == PayslipStatus.Computed))
        {
            throw new DomainException(PayrollErrors.CertificateNotReady);
        }

        var person = await members.EmployeeAsync(job.MemberId, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == job.LegalEntityId);
        var establishment = options.Value.Establishment(entity.Code);
        var catalog = await parameters.CatalogAsync(ct);
        var hoursPerCachet = catalog.ValueOn("heures_par_cachet", job.Start)
            ?? throw new InvalidOperationException("Aucune valeur du paramètre de paie « heures_par_cachet » n'est en vigueur au début du contrat.");
        var months = ContractMonths.Split(job.Start, job.End, job.Hours, job.Cachets, job.GrossCents, job.WorkedDays).ToDictionary(m => m.Period);
        var intermittent = job.Kind != EmployeeKind.RegimeGeneral;
        var nir = person.Nir is { } text && Nir.TryParse(text, out var parsed, out _) ? parsed.Formatted : "non renseigné";
        return CertificateDocument.Write(new CertificatePrint(job.Number, intermittent, entity.Name,
            [
                $"Employeur : {entity.Name}, SIRET {entity.Siren}{establishment?.Nic}, APE {establishment?.Ape}, {entity.Street}, {entity.PostalCode} {entity.City}",
                $"{PayslipDocument.AgreementTitle(employer.Value.CollectiveAgreement)} — URSSAF {establishment?.UrssafCode}{(intermittent && establishment?.CongesSpectacles is { } fund ? " — Congés Spectacles " + fund : string.Empty)}",
            ],
            $"Salarié : {person.LastName.ToUpperInvariant()} {person.FirstName}, né(e) le {person.BirthDate:dd/MM/yyyy}, n° de sécurité sociale {nir}, membre n° {person.Number}",
            $"Contrat {job.Number} : {(intermittent ? "CDD d'usage" : "CDD")}, {JobLabels.Kind(job.Kind)}, {Trades.Label(job.TradeCode)} — {job.Description}{(job.Cadre ? ", cadre" : string.Empty)}",
            job.Start, job.End, hoursPerCachet,
            payslips.Select(p => new CertificateMonth(months[p.Period], JsonSerializer.Deserialize<PayrollResult>(p.ResultJson, PayrollJson.Options)!, p.Figures.GrossCents, p.Figures.NetPaidCents)).ToList(),
            $"Fait le {clock.Today():dd/MM/yyyy} par {entity.Name}, employeur. Le salarié reçoit un exemplaire de cette attestation ; les mêmes données sont transmises par la DSN de l'entité."));
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapGet("/{id:guid}/certificate.pdf", async (Guid id, GetJobCertificatePdf handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.HandleAsync(JobId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("JobCertificatePdf").WithSummary("L'attestation employeur d'un travail terminé (AEM d'un intermittent), une fois ses bulletins validés")
            .ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
