using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Offices.Features;

public sealed record CreateOfficeInput(string? Name, string? City, string? Street, string? PostalCode, string? OpeningDate, string? Kind);

/// <summary>Opens an office or a desk. Administration only.</summary>
public sealed class CreateOffice(PartageDbContext db, IAuditLog audit)
{
    public async Task<OfficeView> HandleAsync(CreateOfficeInput input, Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdmin)
        {
            throw new DomainException(OfficesErrors.NotFound);
        }

        var v = new Validation();
        var office = new Office
        {
            Id = TypedId.New<OfficeId>(),
            Name = v.Required(nameof(input.Name), "Le nom", input.Name, 100),
            City = v.Required(nameof(input.City), "La ville", input.City, 100),
            Street = v.Required(nameof(input.Street), "L'adresse", input.Street, 200),
            PostalCode = v.Required(nameof(input.PostalCode), "Le code postal", input.PostalCode, 12),
            OpeningDate = v.Date(nameof(input.OpeningDate), "La date d'ouverture", input.OpeningDate, required: true) ?? default,
            Kind = v.Enum<OfficeKind>(nameof(input.Kind), "Le type", input.Kind, required: false) ?? OfficeKind.Office,
        };
        v.ThrowIfInvalid();
        if (await db.Set<Office>().AnyAsync(o => o.Name == office.Name, ct))
        {
            throw new DomainException(OfficesErrors.DuplicateName);
        }

        db.Add(office);
        audit.Record(actor, "offices.created", "office", office.Id.ToString(), null, new { office.Name, office.City, office.Kind });
        await db.SaveChangesAsync(ct);
        return new OfficeView(office.Id, office.Name, office.City, office.Street, office.PostalCode, office.OpeningDate, office.Kind);
    }
}

public sealed record CreateActivityManagerInput(string? FirstName, string? LastName, string? Email, Guid? UserId);

/// <summary>Assigns an activity manager to an office. Administration only.</summary>
public sealed class CreateActivityManager(PartageDbContext db, IAuditLog audit)
{
    public async Task<ManagerView> HandleAsync(OfficeId officeId, CreateActivityManagerInput input, Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdmin || !await db.Set<Office>().AnyAsync(o => o.Id == officeId, ct))
        {
            throw new DomainException(OfficesErrors.NotFound);
        }

        var v = new Validation();
        var manager = new ActivityManager
        {
            Id = TypedId.New<ActivityManagerId>(),
            OfficeId = officeId,
            FirstName = v.Required(nameof(input.FirstName), "Le prénom", input.FirstName, 100),
            LastName = v.Required(nameof(input.LastName), "Le nom", input.LastName, 100),
            Email = v.Email(nameof(input.Email), input.Email),
            UserId = input.UserId,
        };
        v.ThrowIfInvalid();
        db.Add(manager);
        audit.Record(actor, "offices.manager_assigned", "activity_manager", manager.Id.ToString(), null, new { manager.OfficeId, manager.Email });
        await db.SaveChangesAsync(ct);
        return new ManagerView(manager.Id, manager.OfficeId, manager.FullName, manager.Email, manager.UserId);
    }
}
