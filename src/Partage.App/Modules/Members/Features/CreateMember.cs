using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Members.Features;

/// <summary>
/// The fields of a new member, as typed in a form or sent to the API. Text everywhere: parsing
/// and checking happen in the handler so that the form and the API give the same messages.
/// </summary>
public sealed record NewMemberInput
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    /// <summary>When given, a sign-in account with the Member role is member with it.</summary>
    public string? Password { get; init; }

    public string? Phone { get; init; }

    public string? BirthDate { get; init; }

    /// <summary>The town of birth; abroad, the town and the country's ISO code below.</summary>
    public string? BirthPlace { get; init; }

    public string? BirthCountry { get; init; }

    public string? Gender { get; init; }

    public string? Street { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    public string? Nir { get; init; }

    public string? Iban { get; init; }

    public string? Trade { get; init; }

    public string? OfficeId { get; init; }

    /// <summary>Staff only; by default the office's least busy manager.</summary>
    public string? ManagerId { get; init; }

    /// <summary>Staff only; by default today.</summary>
    public string? MembershipDate { get; init; }
}

/// <summary>
/// Creates a member: by staff (active at once), or a self-registration (<see cref="RegisterMember"/>: pending, its account
/// an applicant's). The member number is taken from the gapless series in the same transaction as the member row,
/// the account and the audit row.
/// </summary>
public sealed class CreateMember(
    PartageDbContext db,
    NumberSeries numbers,
    IOfficesApi offices,
    UserManager<PartageUser> users,
    IAuditLog audit,
    TimeProvider clock)
{
    public const string Series = "members";

    public async Task<MemberView> HandleAsync(NewMemberInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!MembersAccess.CanCreate(actor))
        {
            throw new DomainException(MembersErrors.NotFound);
        }

        var member = await CreateAsync(input, actor, selfRegistration: false, ct) ?? throw new DomainException(MembersErrors.DuplicateEmail);
        var office = await offices.FindOfficeAsync(member.OfficeId, ct);
        var manager = member.ManagerId is { } m ? await offices.FindManagerAsync(m, ct) : null;
        return MemberView.From(member, office?.Name, manager?.FullName);
    }

    /// <summary>
    /// A pending member and an applicant's account, from someone registering themselves; null when the e-mail or the
    /// social security number is already taken, which the caller must not tell apart from a success.
    /// </summary>
    public Task<Member?> RegisterAsync(NewMemberInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return CreateAsync(input, Actor.Anonymous, selfRegistration: true, ct);
    }

    private async Task<Member?> CreateAsync(NewMemberInput input, Actor actor, bool selfRegistration, CancellationToken ct)
    {
        var (member, officeId, managerId) = Check(input, selfRegistration);
        var v = new Validation();
        await MemberFields.PlaceInOfficeAsync(v, db, offices, member, officeId, managerId, actor, ct);
        await CheckPasswordAsync(v, input.Password);
        v.ThrowIfInvalid();
        var taken = new Validation();
        await MemberFields.CheckUniqueAsync(taken, db, member, ct);
        if (input.Password is { Length: > 0 } && await users.FindByEmailAsync(member.Email) is not null)
        {
            taken.Add(nameof(input.Email), MembersErrors.DuplicateEmail.Message);
        }

        if (selfRegistration && !taken.IsValid)
        {
            return null;
        }

        taken.ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            member.Number = await numbers.NextAsync(Series, ct);
            member.RefreshSearchKey();
            if (input.Password is { Length: > 0 } password)
            {
                member.UserId = await CreateAccountAsync(member, password, selfRegistration ? Roles.Applicant : Roles.Member);
            }

            db.Add(member);
            var author = selfRegistration ? actor with { UserId = member.UserId, Name = member.Email } : actor;
            audit.Record(author, selfRegistration ? "members.registered" : "members.member", "member", member.Id.ToString(), null, MemberFields.AuditSnapshot(member));
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException update && DbErrors.IsUniqueViolation(update) || e is DomainException { Error: var error } && error == MembersErrors.DuplicateEmail)
        {
            // Taken at the same moment by another request: nothing of this one may be saved later by the same unit of work.
            db.ChangeTracker.Clear();
            return selfRegistration ? null : throw new DomainException(MembersErrors.DuplicateEmail);
        }

        await transaction.CommitAsync(ct);
        return member;
    }

    /// <summary>The new member as entered, every field checked; what only staff may set refused to someone registering themselves.</summary>
    private (Member Member, OfficeId Office, ActivityManagerId? Manager) Check(NewMemberInput input, bool selfRegistration)
    {
        var today = clock.Today();
        var v = new Validation();
        var member = new Member
        {
            Id = TypedId.New<MemberId>(),
            FirstName = v.PersonName(nameof(input.FirstName), "Le prénom", input.FirstName, 100),
            LastName = v.PersonName(nameof(input.LastName), "Le nom", input.LastName, 100),
            Email = v.Email(nameof(input.Email), input.Email),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Status = selfRegistration ? MemberStatus.Pending : MemberStatus.Active,
        };
        MemberFields.ApplyContact(v, member, input.Phone, input.Street, input.PostalCode, input.City, input.Country ?? "FR", input.Nir, input.Iban, required: true);
        MemberFields.ApplyCivil(v, member, input.BirthDate, input.Gender, input.Trade, today);
        MemberFields.ApplyBirthplace(v, member, input.BirthPlace, input.BirthCountry, input.Nir);
        if (selfRegistration)
        {
            if (string.IsNullOrEmpty(input.Password))
            {
                v.Add(nameof(input.Password), "Le mot de passe est obligatoire.");
            }

            if (!string.IsNullOrEmpty(input.ManagerId) || !string.IsNullOrEmpty(input.MembershipDate))
            {
                throw new DomainException(MembersErrors.FieldReservedToStaff);
            }
        }

        member.MembershipDate = v.Date(nameof(input.MembershipDate), "La date d'adhésion", input.MembershipDate, required: false) ?? today;
        var officeId = v.Id<OfficeId>(nameof(input.OfficeId), "Le bureau", input.OfficeId, required: true);
        var managerId = v.Id<ActivityManagerId>(nameof(input.ManagerId), "Le gestionnaire", input.ManagerId, required: false);
        v.ThrowIfInvalid();
        return (member, officeId!.Value, managerId);
    }

    /// <summary>
    /// The password's rules, checked with the other fields and before anything is looked up: a weak password is refused
    /// alike whether the address is free or taken, so the refusal tells nothing about the address.
    /// </summary>
    private async Task CheckPasswordAsync(Validation v, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            foreach (var error in (await validator.ValidateAsync(users, new PartageUser(), password)).Errors)
            {
                v.Add(nameof(NewMemberInput.Password), error.Description);
            }
        }
    }

    private async Task<Guid> CreateAccountAsync(Member member, string password, string role)
    {
        var user = new PartageUser { Id = Guid.CreateVersion7(), UserName = member.Email, Email = member.Email, DisplayName = member.FullName, EmailConfirmed = false };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            // The password was checked before; what is left is the address, taken since the check by another request.
            throw new DomainException(MembersErrors.DuplicateEmail);
        }

        await users.AddToRoleAsync(user, role);
        return user.Id;
    }

    public static void Map(RouteGroupBuilder members) =>
        members.MapPost("/", async (NewMemberInput input, CreateMember handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var member = await handler.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/members/{member.Id}", member);
            })
            .WithName("CreateMember").WithSummary("Créer un membre (administration, gestionnaire de son bureau)")
            .ProducesProblems();
}
