"""After logging in, a person lands on « Mon espace »; an address on this site given as `next` still wins."""

from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

LOGIN = reverse("accounts:login")


def test_a_person_who_logs_in_lands_on_my_space(client, db):
    person = UserFactory(email="dominique@example.org")
    response = client.post(LOGIN, {"username": person.email, "password": PASSWORD}, follow=True)
    assert response.redirect_chain == [(reverse("dashboard"), 302)]
    assert "<h1>Mon espace</h1>" in response.content.decode()


def test_the_next_address_still_wins_over_my_space(client, db):
    person = UserFactory(email="dominique@example.org")
    events = reverse("community:event_list")
    response = client.post(LOGIN, {"username": person.email, "password": PASSWORD, "next": events})
    assert response["Location"] == events


def test_a_logged_in_person_opening_the_login_page_is_sent_to_my_space(client, db):
    client.force_login(UserFactory())
    assert client.get(LOGIN)["Location"] == reverse("dashboard")


def test_the_menu_s_login_link_comes_back_to_the_page_except_from_the_home_page(client, db):
    events = reverse("community:event_list")
    assert f'href="{LOGIN}?next={events}"' in client.get(events).content.decode()
    assert f'href="{LOGIN}"' in client.get(reverse("home")).content.decode()
