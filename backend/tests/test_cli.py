from app.core.extensions import db
from app.models import Task, User
from app.services.accounts import find_user_by_email


def test_create_admin_creates_then_promotes(app, runner, make_user):
    created = runner.invoke(
        args=["users", "create-admin", "--email", "Boss@Example.com", "--password", "long-password"]
    )
    assert created.exit_code == 0, created.output
    assert created.output.startswith("Created admin boss@example.com")

    member = make_user(email="member@example.com")
    promoted = runner.invoke(
        args=[
            "users",
            "create-admin",
            "--email",
            "member@example.com",
            "--password",
            "ignored-pass",
        ]
    )
    assert promoted.output == f"Promoted admin member@example.com (id {member.id})\n"

    with app.app_context():
        assert find_user_by_email("boss@example.com").is_admin is True
        assert db.session.get(User, member.id).is_admin is True


def test_create_admin_rejects_short_password(runner):
    result = runner.invoke(
        args=["users", "create-admin", "--email", "a@example.com", "--password", "short"]
    )

    assert result.exit_code == 2
    assert "Use at least 10 characters." in result.output


def test_seed_demo_is_idempotent(app, runner):
    first = runner.invoke(args=["seed-demo"])
    second = runner.invoke(args=["seed-demo"])

    assert first.output == "Created demo account demo@tarefa.local / demo-password with 5 tasks\n"
    assert second.output == "Demo account already exists: demo@tarefa.local\n"
    with app.app_context():
        demo = find_user_by_email("demo@tarefa.local")
        assert db.session.query(Task).filter_by(user_id=demo.id).count() == 5


def test_first_admin_from_environment_at_start_up(tmp_path):
    from app import create_app
    from tests.support.apps import FAST_ARGON2, migrate_database

    url = f"sqlite:///{tmp_path / 'first-admin.db'}"
    migrate_database(url)
    config = {
        "APP_ENV": "testing",
        "DATABASE_URL": url,
        "FIRST_ADMIN_EMAIL": "Root@Example.com",
        "FIRST_ADMIN_PASSWORD": "first-admin-password",
        **FAST_ARGON2,
    }

    app = create_app(config)
    create_app(config)  # a second worker starting finds it and changes nothing

    with app.app_context():
        admins = db.session.query(User).filter_by(is_admin=True).all()
        assert [a.email for a in admins] == ["root@example.com"]
    login = app.test_client().post(
        "/api/auth/login", json={"email": "root@example.com", "password": "first-admin-password"}
    )
    assert login.status_code == 200


def test_first_admin_waits_for_migrations(tmp_path, caplog):
    from app import create_app
    from tests.support.apps import FAST_ARGON2

    with caplog.at_level("WARNING"):
        create_app(
            {
                "APP_ENV": "testing",
                "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.db'}",
                "FIRST_ADMIN_EMAIL": "root@example.com",
                "FIRST_ADMIN_PASSWORD": "first-admin-password",
                **FAST_ARGON2,
            }
        )

    assert "first admin not created yet (database not ready: OperationalError)" in caplog.text
