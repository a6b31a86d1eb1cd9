using Hub.Gateway;
using Hub.Gateway.Protection;
using Hub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddGateway();

var app = builder.Build();
app.UseMiddleware<AccessLogMiddleware>();
app.UseMiddleware<RefusedCallerLimiter>();
app.MapDefaultEndpoints();
app.MapGateway();

app.Run();
