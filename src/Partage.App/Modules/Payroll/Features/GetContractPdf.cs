using System.Globalization;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>
/// The fixed-term contract as PDF, with the clauses the Code du travail requires of a CDD or a CDD
/// d'usage (art. L1242-12 and L1242-13: reason, dates, job, pay, collective agreement, pension and
/// prévoyance bodies, trial period, Congés Spectacles fund for intermittents), and its signatures.
/// </summary>
public sealed class GetContractPdf(GetJob jobs, IMembersApi members, ILegalEntitiesApi entities, IOptions<PayrollEmployerOptions> employer)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<(string FileName, byte[] Content)> HandleAsync(JobId id, Actor actor, CancellationToken ct = default)
    {
        var job = await jobs.LoadAsync(id, actor, ct);
        var view = (await jobs.ViewsAsync([job], ct))[0];
        var person = await members.EmployeeAsync(job.MemberId, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == job.LegalEntityId);
        var intermittent = job.Kind != EmployeeKind.RegimeGeneral;
        var licence = entity.Licences.Where(l => l.Category == 2).OrderByDescending(l => l.ValidUntil).FirstOrDefault();
        var content = ContractDocument.Write(new ContractPrint(job.Number, intermittent, $"{entity.Name} ({entity.LegalForm}), SIREN {entity.Siren}, {entity.Street}, {entity.PostalCode} {entity.City}",
            $"{person.FirstName} {person.LastName}, né(e) le {person.BirthDate:dd/MM/yyyy}, demeurant {person.Street}, {person.PostalCode} {person.City}, "
            + $"numéro de sécurité sociale {(person.Nir is null ? "à compléter" : Nir.Parse(person.Nir).Masked)}, sociétaire n° {person.Number}",
            job.UsageReason, job.Start, job.End, job.TrialDays, view.Trade, job.Cadre, job.Description, job.Place, job.Hours, job.Cachets, view.Gross, job.Dfs,
            employer.Value.CollectiveAgreement,
            intermittent ? $"L'employeur est titulaire de la licence d'entrepreneur de spectacles {licence?.Number ?? "(aucune)"} (catégorie 2), valable jusqu'au {licence?.ValidUntil.ToString("dd/MM/yyyy", French) ?? "—"}." : null,
            [
                job.MemberSignedAt is { } signed
                    ? $"Signé en ligne par le salarié : {job.MemberSignatureName}, le {ParisTime.Local(signed).ToString("dd/MM/yyyy 'à' HH:mm", French)} (heure de Paris) (adresse {job.MemberSignatureIp ?? "inconnue"})."
                    : "Signature du salarié : en attente.",
                job.CountersignedAt is { } countersigned
                    ? $"Contre-signé pour l'employeur par {job.CountersignedBy}, le {ParisTime.Local(countersigned).ToString("dd/MM/yyyy 'à' HH:mm", French)} (heure de Paris)."
                    : "Contre-signature de l'employeur : en attente.",
            // As signed: a CDI refused later (RecordCdiRefusal) does not rewrite the contract.
            ]) { PrecarityExemption = job.PrecarityExemption == PrecarityExemptions.StudentHolidays ? job.PrecarityExemption : null }, entity.Name);
        return ($"contrat-{job.Number}.pdf", content);
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapGet("/{id:guid}/contract.pdf", async (Guid id, GetContractPdf handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.HandleAsync(JobId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("ContractPdf").WithSummary("Le contrat en PDF, avec ses signatures").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
