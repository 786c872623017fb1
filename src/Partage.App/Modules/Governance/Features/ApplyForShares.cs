using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

/// <summary>
/// An application to become a shareholder. A member applies for themselves (as an activity coordinator, with the
/// statutes' number of shares, by payroll deduction unless they choose to pay by transfer); governance staff record a
/// partner's application (an organisation or a person without an account) or a member's, in any category.
/// </summary>
public sealed record ApplyForSharesInput(string? EntityCode = null, string? MemberId = null, string? Name = null, string? Email = null, string? Category = null, string? Shares = null, bool PaysByDeduction = true);

public sealed class ApplyForShares(PartageDbContext db, IMembersApi members, ShareRegister register, ShareholderViews views, IAuditLog audit, TimeProvider clock)
{
    public const int MaxShares = 100_000;

    public async Task<ShareholderView> HandleAsync(ApplyForSharesInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var staff = GovernanceAccess.IsStaff(actor);
        if (!staff && actor.MemberId is null)
        {
            throw new DomainException(GovernanceErrors.NotFound);
        }

        var v = new Validation();
        var (code, found) = await register.FindEntityAsync(input.EntityCode, ct);
        if (found is null)
        {
            v.Add(nameof(input.EntityCode), ShareRegister.UnknownEntity);
        }

        var today = ParisTime.DateOf(clock.GetUtcNow());
        var member = staff ? v.Id<MemberId>(nameof(input.MemberId), "Le membre", input.MemberId, required: false) : actor.MemberId;
        var category = staff ? Category(v, input.Category) : Statutes.Coordinators;
        var shares = staff || !string.IsNullOrWhiteSpace(input.Shares) ? Shares(v, input.Shares) : null;
        string name;
        string? email = null;
        if (member is { } id)
        {
            name = (await members.FindManyAsync([id], ct)).GetValueOrDefault(id)?.FullName ?? string.Empty;
            if (name.Length == 0)
            {
                v.Add(nameof(input.MemberId), "Ce membre n'existe pas.");
            }
        }
        else
        {
            name = v.PersonName(nameof(input.Name), "Le nom du sociétaire", input.Name, 200);
            email = string.IsNullOrWhiteSpace(input.Email) ? null : v.Email(nameof(input.Email), input.Email);
        }

        v.ThrowIfInvalid();
        var entity = found!.Value;
        var requested = shares ?? (int)Statutes.Number(code, Statutes.CoordinatorShares, today);
        var existing = member is { } m ? await db.Set<Shareholder>().SingleOrDefaultAsync(s => s.LegalEntityId == entity && s.MemberId == m, ct) : null;
        if (existing is not null && existing.Status != ShareholderStatus.Refused)
        {
            throw new DomainException(GovernanceErrors.AlreadyShareholder);
        }

        var holder = existing ?? new Shareholder { Id = TypedId.New<ShareholderId>(), LegalEntityId = entity, MemberId = member, CreatedAt = clock.GetUtcNow().UtcDateTime };
        (holder.Name, holder.Email, holder.Category, holder.Status, holder.AppliedOn, holder.RequestedShares, holder.PaysByDeduction, holder.Decision) =
            (name, email, category!.Value, ShareholderStatus.Applicant, today, requested, input.PaysByDeduction && member is not null, null);
        if (existing is null)
        {
            db.Add(holder);
        }

        audit.Record(actor, "governance.application", "shareholder", holder.Id.ToString(), null, new { code, holder.Name, holder.Category, requested, holder.PaysByDeduction });
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(holder, ct);
    }

    internal static int? Category(Validation v, string? text)
    {
        var number = v.Decimal("Category", "La catégorie", text, required: true);
        if (number is { } n && (n != decimal.Truncate(n) || Statutes.Categories.All(c => c.Number != n)))
        {
            v.Add("Category", $"La catégorie est l'une des {Statutes.Categories.Count} des statuts (1 à {Statutes.Categories.Count}).");
            return null;
        }

        return number is null ? null : (int)number.Value;
    }

    internal static int? Shares(Validation v, string? text, string field = "Shares")
    {
        var number = v.Decimal(field, "Le nombre de parts", text, required: true);
        if (number is { } n && (n != decimal.Truncate(n) || n < 1 || n > MaxShares))
        {
            v.Add(field, $"Le nombre de parts est un entier de 1 à {MaxShares:N0}.");
            return null;
        }

        return number is null ? null : (int)number.Value;
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/shareholders", async (ApplyForSharesInput input, ApplyForShares handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var view = await handler.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/shareholders/{view.Id}", view);
            })
            .WithName("ApplyForShares").WithSummary("Candidater au sociétariat (un membre pour lui-même ; la gouvernance pour un partenaire ou un membre)").ProducesProblems();
}
