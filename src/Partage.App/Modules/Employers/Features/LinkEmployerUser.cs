using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed class LinkEmployerUser(PartageDbContext db, UserManager<PartageUser> users, IAuditLog audit)
{
    /// <summary>Lets a platform account with the Employer role act for this employer (one employer per account).</summary>
    public async Task HandleAsync(EmployerId id, string? email, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var employer = await db.Set<Employer>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var v = new Validation();
        var address = v.Email("Email", email);
        v.ThrowIfInvalid();
        var user = await users.FindByEmailAsync(address);
        if (user is null || !await users.IsInRoleAsync(user, Roles.Employer) || await db.Set<EmployerUser>().AnyAsync(u => u.UserId == user.Id && u.EmployerId != id, ct))
        {
            throw new DomainException(EmployersErrors.NotEmployerAccount);
        }

        if (!await db.Set<EmployerUser>().AnyAsync(u => u.UserId == user.Id, ct))
        {
            db.Add(new EmployerUser { UserId = user.Id, EmployerId = employer.Id });
            audit.Record(actor, "employers.user_linked", "employer", employer.Id.ToString(), null, new { Email = address });
            await db.SaveChangesAsync(ct);
        }
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapPost("/{id:guid}/users", async (Guid id, LinkUserInput input, LinkEmployerUser link, ActorAccessor actors, CancellationToken ct) =>
            {
                await link.HandleAsync(EmployerId.From(id), input.Email, await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("LinkEmployerUser").WithSummary("Un compte au rôle Employeur agit pour cet employeur (service paie)").ProducesProblems();
    }
}
