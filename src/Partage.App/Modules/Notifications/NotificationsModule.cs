using Partage.App.Modules.Notifications.Features;

namespace Partage.App.Modules.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) =>
        services.AddScoped<NotificationsApi>()
            .AddScoped<INotificationsApi>(sp => sp.GetRequiredService<NotificationsApi>())
            .AddScoped<Members.IAccountErasureFollower>(sp => sp.GetRequiredService<NotificationsApi>())
            .AddScoped<ListNotices>()
            .AddScoped<MarkNoticesRead>()
            .AddScoped<NoticePreferences>();

    public static void MapNotificationsEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var notices = api.MapGroup("/notifications").WithTags("Notifications");
        ListNotices.Map(notices);
        MarkNoticesRead.Map(notices);
        NoticePreferences.Map(notices);
    }
}
