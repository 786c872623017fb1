using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.Members;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Offices;
using Partage.App.Security;

namespace Partage.App.Ui.Pages;

[Authorize]
public sealed class DashboardModel(GetMember getMember, SearchMembers members, SearchActivities activities, IOfficesApi offices, RoleHome home) : PartagePageModel
{
    public MemberView? Me { get; private set; }

    public OfficeView? ManagedOffice { get; private set; }

    public int? MemberTotal { get; private set; }

    public int? ActiveMemberTotal { get; private set; }

    public int? PendingTotal { get; private set; }

    public int? ActivityTotal { get; private set; }

    public IReadOnlyList<ActivityView>? Activities { get; private set; }

    public IReadOnlyList<ActivityMoney> Money { get; private set; } = [];

    public IReadOnlyList<WaitingItem> Waiting { get; private set; } = [];

    public NextPay? NextPay { get; private set; }

    public IReadOnlyList<WorkQueue> Queues { get; private set; } = [];

    public IReadOnlyList<Modules.Invoicing.Features.OverdueBand> Overdue { get; private set; } = [];

    public IReadOnlyList<(string Entity, Kernel.Money Balance, Kernel.Money Exposure)> Fund { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        if ((Actor.MemberId ?? Actor.ApplicantId) is { } self)
        {
            Me = await getMember.HandleAsync(self, Actor, ct);
        }

        if (Actor.ManagedOfficeId is { } office)
        {
            ManagedOffice = await offices.FindOfficeAsync(office, ct);
        }

        if (Actor.IsCooperativeStaff || Actor.IsInRole(Roles.Manager))
        {
            MemberTotal = (await members.HandleAsync(new MemberSearch { PageSize = 1 }, Actor, ct)).Total;
            ActiveMemberTotal = (await members.HandleAsync(new MemberSearch { PageSize = 1, Status = nameof(MemberStatus.Active) }, Actor, ct)).Total;
            PendingTotal = (await members.HandleAsync(new MemberSearch { PageSize = 1, Status = nameof(MemberStatus.Pending) }, Actor, ct)).Total;
        }

        if (Actor.IsCooperativeStaff || Actor.IsInRole(Roles.Manager) || Actor.MemberId is not null)
        {
            var page = await activities.HandleAsync(new ActivitySearch { PageSize = 10 }, Actor, ct);
            ActivityTotal = MemberTotal is null ? null : page.Total;
            Activities = page.Items;
        }

        if (Actor.MemberId is not null && Activities is not null)
        {
            Money = await home.MoneyAsync(Activities, ct);
            Waiting = await home.WaitingForMemberAsync(Actor, ct);
            NextPay = await home.NextPayAsync(Actor, ct);
        }

        Queues = await home.QueuesAsync(Actor, ct);
        Fund = await home.FundAsync(Actor, ct);
        if (Actor.IsAdmin || Actor.IsInRole(Roles.Finance) || Actor.IsInRole(Roles.Manager) || Actor.MemberId is not null)
        {
            Overdue = (await home.OverdueAsync(Actor, ct)).Where(b => b.Count > 0).ToList();
        }

        return Page();
    }
}
