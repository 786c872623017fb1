using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed record MandateInput(string? Kind, string? SignedOn, string? SignedBy);

public sealed class SignMandate(PartageDbContext db, GetEmployer view, IAuditLog audit, TimeProvider clock)
{
    /// <summary>A mandate signed on a date; the previous one must have ended before it.</summary>
    public async Task<EmployerView> HandleAsync(EmployerId id, MandateInput input, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var employer = await db.Set<Employer>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var v = new Validation();
        var kind = v.Enum<MandateKind>("Kind", "Le type de mandat (partiel ou complet)", input.Kind, required: true);
        var signedOn = v.Date("SignedOn", "La date de signature", input.SignedOn, required: true);
        var signedBy = v.Required("SignedBy", "Le signataire pour l'employeur", input.SignedBy, 200);
        v.ThrowIfInvalid();
        var mandates = await db.Set<Mandate>().AsNoTracking().Where(m => m.EmployerId == id).ToListAsync(ct);
        if (mandates.Any(m => m.TerminatedOn is not { } last || last >= signedOn!.Value))
        {
            throw new DomainException(EmployersErrors.MandateOpen);
        }

        var mandate = new Mandate
        {
            Id = Guid.CreateVersion7(), EmployerId = employer.Id, Kind = kind!.Value, SignedOn = signedOn!.Value, SignedBy = signedBy,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.Add(mandate);
        audit.Record(actor, "employers.mandate_signed", "employer", employer.Id.ToString(), null,
            new { Kind = mandate.Kind.ToString(), SignedOn = mandate.SignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), mandate.SignedBy });
        await db.SaveChangesAsync(ct);
        return await view.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapPost("/{id:guid}/mandates", async (Guid id, MandateInput input, SignMandate sign, ActorAccessor actors, CancellationToken ct) =>
                await sign.HandleAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("SignMandate").WithSummary("Enregistrer un mandat partiel ou complet signé à une date (service paie)").ProducesProblems();
    }
}
